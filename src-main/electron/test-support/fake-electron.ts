// A recording stand-in for the `electron` module (its binary cannot run in unit
// tests): every object records what the glue asked of it, and tests drive the
// events Electron would emit. Use with
//   vi.mock('electron', async () => (await import('./test-support/fake-electron')).electronModule);
import { EventEmitter } from 'node:events';

type Listener = (...args: unknown[]) => unknown;

/** An event as Electron passes it to listeners that may call preventDefault. */
export function fakeEvent<T extends object>(params: T = {} as T) {
  const event = {
    ...params,
    defaultPrevented: false,
    preventDefault() {
      event.defaultPrevented = true;
    },
  };
  return event;
}

export class FakeFrame {
  constructor(
    public url: string,
    public parent: FakeFrame | null = null,
  ) {}
}

export class FakeSession {
  headersListener: Listener | null = null;
  permissionRequestHandler: Listener | null = null;
  permissionCheckHandler: Listener | null = null;
  readonly webRequest = {
    onHeadersReceived: (listener: Listener) => {
      this.headersListener = listener;
    },
  };
  setPermissionRequestHandler(handler: Listener) {
    this.permissionRequestHandler = handler;
  }
  setPermissionCheckHandler(handler: Listener) {
    this.permissionCheckHandler = handler;
  }
}

export class FakeWebContents extends EventEmitter {
  readonly sent: { channel: string; message: unknown }[] = [];
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  readonly session = state.defaultSession;
  private destroyedFlag = false;
  constructor(public mainFrame = new FakeFrame('about:blank')) {
    super();
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.windowOpenHandler = handler;
  }
  send(channel: string, message: unknown) {
    if (this.destroyedFlag) throw new Error('Object has been destroyed');
    this.sent.push({ channel, message });
  }
  isDestroyed() {
    return this.destroyedFlag;
  }
  /** What Electron does when the page's window closes. */
  destroy() {
    this.destroyedFlag = true;
    this.emit('destroyed');
  }
}

export class FakeBrowserWindow extends EventEmitter {
  readonly webContents = new FakeWebContents();
  loadedFile: string | null = null;
  visible = false;
  focused = false;
  minimized = false;
  constructor(public readonly options: Record<string, unknown>) {
    super();
    state.windows.push(this);
    // Electron announces every new webContents on the app.
    state.app.emit('web-contents-created', fakeEvent(), this.webContents);
  }
  loadFile(file: string) {
    this.loadedFile = file;
    return Promise.resolve();
  }
  show() {
    this.visible = true;
  }
  focus() {
    this.focused = true;
  }
  isMinimized() {
    return this.minimized;
  }
  restore() {
    this.minimized = false;
  }
  isDestroyed() {
    return false;
  }
}

class FakeApp extends EventEmitter {
  hasSingleInstanceLock = true;
  quitCalls = 0;
  sandboxEnabled = false;
  private ready = false;
  private readyPromise: Promise<void> = Promise.resolve();
  requestSingleInstanceLock() {
    return this.hasSingleInstanceLock;
  }
  enableSandbox() {
    this.sandboxEnabled = true;
  }
  getPath(name: string) {
    return `/tmp/berth-fake-electron/${name}`;
  }
  whenReady() {
    return this.readyPromise.then(() => {
      this.ready = true;
    });
  }
  isReady() {
    return this.ready;
  }
  /** Like Electron: quitting emits before-quit, and only goes on when nobody prevented it. */
  quit() {
    this.quitCalls++;
    this.emit('before-quit', fakeEvent());
  }
}

class FakeIpcMain {
  readonly handlers = new Map<string, Listener>();
  readonly listeners = new EventEmitter();
  handle(channel: string, handler: Listener) {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, handler);
  }
  removeHandler(channel: string) {
    this.handlers.delete(channel);
  }
  on(channel: string, listener: Listener) {
    this.listeners.on(channel, listener);
    return this;
  }
  removeListener(channel: string, listener: Listener) {
    this.listeners.removeListener(channel, listener);
    return this;
  }
}

export class FakeIpcRenderer {
  readonly invoked: { channel: string; payload: unknown }[] = [];
  readonly sent: { channel: string; payload: unknown }[] = [];
  readonly listeners = new EventEmitter();
  onCalls = 0;
  invokeResult: (payload: unknown) => Promise<unknown> = () => Promise.resolve({ ok: true, value: null });
  invoke(channel: string, payload: unknown) {
    this.invoked.push({ channel, payload });
    return this.invokeResult(payload);
  }
  send(channel: string, payload: unknown) {
    this.sent.push({ channel, payload });
  }
  on(channel: string, listener: Listener) {
    this.onCalls++;
    this.listeners.on(channel, listener);
    return this;
  }
}

function freshState() {
  return {
    app: new FakeApp(),
    ipcMain: new FakeIpcMain(),
    ipcRenderer: new FakeIpcRenderer(),
    defaultSession: new FakeSession(),
    windows: [] as FakeBrowserWindow[],
    openedExternally: [] as string[],
    exposed: new Map<string, unknown>(),
  };
}

type FakeState = ReturnType<typeof freshState>;
const shared = globalThis as { berthFakeElectron?: FakeState };

/**
 * Everything recorded so far; reset between tests with resetFakeElectron(). Kept on
 * globalThis so a test that re-imports modules (vi.resetModules) still sees one state.
 */
export const state: FakeState = (shared.berthFakeElectron ??= freshState());

export function resetFakeElectron() {
  Object.assign(state, freshState());
}

/** The module object `import … from 'electron'` receives; getters so a reset is seen everywhere. */
export const electronModule = {
  get app() {
    return state.app;
  },
  get ipcMain() {
    return state.ipcMain;
  },
  get ipcRenderer() {
    return state.ipcRenderer;
  },
  get session() {
    return { defaultSession: state.defaultSession };
  },
  BrowserWindow: FakeBrowserWindow,
  shell: {
    openExternal(url: string) {
      state.openedExternally.push(url);
      return Promise.resolve();
    },
  },
  safeStorage: {
    isEncryptionAvailable: () => true,
    getSelectedStorageBackend: () => 'gnome_libsecret',
    encryptString: (plain: string) => Buffer.from(`enc:${plain}`),
    decryptString: (encrypted: Buffer) => encrypted.toString().replace(/^enc:/, ''),
  },
  dialog: {
    showOpenDialog: () => Promise.resolve({ canceled: true, filePaths: [] as string[] }),
  },
  contextBridge: {
    exposeInMainWorld(key: string, api: unknown) {
      state.exposed.set(key, api);
    },
  },
};
