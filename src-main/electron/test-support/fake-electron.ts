// A recording stand-in for the `electron` module (its binary cannot run in unit
// tests): every object records what the glue asked of it, and tests drive the
// events Electron would emit. Use with
//   vi.mock('electron', async () => (await import('./test-support/fake-electron')).electronModule);
import { EventEmitter } from 'node:events';
import { existsSync } from 'node:fs';

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
  /** URLs loaded with loadURL (a fragment change navigates within the page). */
  readonly loadedUrls: string[] = [];
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.windowOpenHandler = handler;
  }
  loadURL(url: string) {
    this.loadedUrls.push(url);
    return Promise.resolve();
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
  /** The URL the window was told to load (app://berth/index.html, with the route's hash). */
  loadedUrl: string | null = null;
  visible = false;
  focused = false;
  minimized = false;
  maximized = false;
  fullScreen = false;
  destroyed = false;
  /** The normal (unmaximized) bounds; a test moves the window by changing them and emitting 'move'. */
  bounds: { x: number; y: number; width: number; height: number };
  constructor(public readonly options: Record<string, unknown>) {
    super();
    const n = (key: string, fallback: number) => (typeof options[key] === 'number' ? (options[key] as number) : fallback);
    this.bounds = { x: n('x', 100), y: n('y', 100), width: n('width', 800), height: n('height', 600) };
    state.windows.push(this);
    // Electron announces every new webContents on the app.
    state.app.emit('web-contents-created', fakeEvent(), this.webContents);
  }
  loadURL(url: string) {
    this.loadedUrl = url;
    return Promise.resolve();
  }
  show() {
    this.visible = true;
    this.emit('show');
  }
  hide() {
    this.visible = false;
    this.emit('hide');
  }
  isVisible() {
    return this.visible;
  }
  focus() {
    this.focused = true;
  }
  isMinimized() {
    return this.minimized;
  }
  restore() {
    this.minimized = false;
    this.emit('restore');
  }
  minimize() {
    this.minimized = true;
    this.emit('minimize');
  }
  maximize() {
    this.maximized = true;
    this.visible = true;
    this.emit('maximize');
  }
  isMaximized() {
    return this.maximized;
  }
  isFullScreen() {
    return this.fullScreen;
  }
  getNormalBounds() {
    return { ...this.bounds };
  }
  getBounds() {
    return { ...this.bounds };
  }
  /** Like Electron: 'close' may be prevented; otherwise the window goes and 'closed' follows. */
  close() {
    if (this.destroyed) return;
    const event = fakeEvent();
    this.emit('close', event);
    if (event.defaultPrevented) return;
    this.destroyed = true;
    this.visible = false;
    this.emit('closed');
  }
  isDestroyed() {
    return this.destroyed;
  }
  /** Dialogs open as free windows in these tests. */
  static getFocusedWindow(): FakeBrowserWindow | null {
    return null;
  }
}

export class FakeNativeImage {
  constructor(public readonly path: string) {}
  /** Electron gives an empty image for a file it cannot read. */
  isEmpty() {
    return this.path === '' || !existsSync(this.path);
  }
}

/** A built menu: the template it was built from, as Menu.buildFromTemplate received it. */
export class FakeMenu {
  constructor(public readonly items: FakeMenuItemOptions[]) {}
}

export interface FakeMenuItemOptions {
  id?: string;
  label?: string;
  type?: string;
  enabled?: boolean;
  submenu?: FakeMenuItemOptions[];
  click?: (...args: unknown[]) => void;
}

/** Finds a menu item by id anywhere in a built menu's template. */
export function findMenuItem(items: readonly FakeMenuItemOptions[], id: string): FakeMenuItemOptions | undefined {
  for (const item of items) {
    if (item.id === id) return item;
    const inner = item.submenu ? findMenuItem(item.submenu, id) : undefined;
    if (inner) return inner;
  }
  return undefined;
}

export class FakeTray extends EventEmitter {
  image: FakeNativeImage;
  tooltip = '';
  contextMenu: FakeMenu | null = null;
  readonly calls = { setImage: 0, setToolTip: 0, setContextMenu: 0 };
  private destroyedFlag = false;
  constructor(image: FakeNativeImage) {
    super();
    this.image = image;
    state.trays.push(this);
  }
  setImage(image: FakeNativeImage) {
    this.calls.setImage++;
    this.image = image;
  }
  setToolTip(tooltip: string) {
    this.calls.setToolTip++;
    this.tooltip = tooltip;
  }
  setContextMenu(menu: FakeMenu | null) {
    this.calls.setContextMenu++;
    this.contextMenu = menu;
  }
  destroy() {
    this.destroyedFlag = true;
  }
  isDestroyed() {
    return this.destroyedFlag;
  }
}

export class FakeNotification extends EventEmitter {
  shown = false;
  closed = false;
  constructor(public readonly options: { title?: string; body?: string }) {
    super();
  }
  static isSupported() {
    return state.notificationsSupported;
  }
  show() {
    this.shown = true;
    state.notifications.push(this);
  }
  close() {
    this.closed = true;
    this.emit('close');
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
  isPackaged = false;
  readonly loginItemSettings: { openAtLogin?: boolean }[] = [];
  getPath(name: string) {
    return `/tmp/berth-fake-electron/${name}`;
  }
  getAppPath() {
    return '/tmp/berth-fake-electron/app';
  }
  setLoginItemSettings(settings: { openAtLogin?: boolean }) {
    this.loginItemSettings.push(settings);
  }
  appUserModelId: string | null = null;
  setAppUserModelId(id: string) {
    this.appUserModelId = id;
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
    trays: [] as FakeTray[],
    menus: [] as FakeMenu[],
    notifications: [] as FakeNotification[],
    notificationsSupported: true,
    /** Work areas of the displays screen.getAllDisplays() reports. */
    displays: [{ x: 0, y: 0, width: 1920, height: 1050 }] as { x: number; y: number; width: number; height: number }[],
    messageBoxes: [] as Record<string, unknown>[],
    /** The button index showMessageBox answers with. */
    messageBoxResponse: 0,
    /** What the next showOpenDialog calls answer, in order (a path picked; null cancels); empty cancels. */
    openDialogAnswers: [] as (string | null)[],
    /** The options showOpenDialog was called with. */
    openDialogs: [] as Record<string, unknown>[],
    /** What protocol.registerSchemesAsPrivileged got, and whether the app was ready then. */
    privilegedSchemes: [] as { schemes: unknown[]; appWasReady: boolean }[],
    /** protocol.handle's handlers by scheme. */
    protocolHandlers: new Map<string, (request: Request) => Response | Promise<Response>>(),
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
  protocol: {
    registerSchemesAsPrivileged(schemes: unknown[]) {
      state.privilegedSchemes.push({ schemes, appWasReady: state.app.isReady() });
    },
    handle(scheme: string, handler: (request: Request) => Response | Promise<Response>) {
      if (state.protocolHandlers.has(scheme)) throw new Error(`The scheme ${scheme} is already handled`);
      state.protocolHandlers.set(scheme, handler);
    },
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
    showOpenDialog(...args: unknown[]) {
      state.openDialogs.push(args[args.length - 1] as Record<string, unknown>);
      const picked = state.openDialogAnswers.shift() ?? null;
      return Promise.resolve({ canceled: picked === null, filePaths: picked === null ? [] : [picked] });
    },
    /** Records the options (the parent window, when given, is skipped) and answers state.messageBoxResponse. */
    showMessageBox(...args: unknown[]) {
      const options = args[args.length - 1] as Record<string, unknown>;
      state.messageBoxes.push(options);
      return Promise.resolve({ response: state.messageBoxResponse, checkboxChecked: false });
    },
  },
  Tray: FakeTray,
  Menu: {
    buildFromTemplate(template: FakeMenuItemOptions[]) {
      const menu = new FakeMenu(template);
      state.menus.push(menu);
      return menu;
    },
  },
  nativeImage: {
    createFromPath: (path: string) => new FakeNativeImage(path),
  },
  Notification: FakeNotification,
  screen: {
    getAllDisplays: () => state.displays.map((workArea, id) => ({ id, bounds: workArea, workArea })),
  },
  contextBridge: {
    exposeInMainWorld(key: string, api: unknown) {
      state.exposed.set(key, api);
    },
  },
};
