import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { existsSync } from 'node:fs';
import { IPC_CHANNELS } from '../../src-common/contract/bridge';
import { CONTENT_SECURITY_POLICY } from './security';
import { fakeEvent, resetFakeElectron, state } from './test-support/fake-electron';

vi.mock('electron', async () => (await import('./test-support/fake-electron')).electronModule);

const engine = vi.hoisted(() => ({
  created: 0,
  started: 0,
  disposed: 0,
  finishDispose: () => {},
}));
vi.mock('../engine/index', () => ({
  createEngine: () => {
    engine.created++;
    return {
      start: () => {
        engine.started++;
      },
      dispose: () => {
        engine.disposed++;
        return new Promise<void>((resolve) => {
          engine.finishDispose = resolve;
        });
      },
      // What the tray and notifications read: an engine still connecting, no containers yet.
      connection: { current: () => ({ state: 'connecting', endpoint: null }), onStatus: () => () => {} },
      watcher: { current: () => null, subscribe: () => () => {} },
      events: { subscribe: () => () => {} },
      containers: {},
      stats: {
        setOriginVisible: () => {},
        latestTotals: () => null,
        onTotals: () => () => {},
        watch: () => ({ update: () => {}, close: () => {} }),
      },
    };
  },
}));
vi.mock('../api/handlers', () => ({
  createApiHandlers: () => ({ calls: {}, streams: {} }),
}));

/** Runs main.ts afresh, as Electron would at launch, and lets app.whenReady settle (settings are read first). */
async function launch() {
  vi.resetModules();
  await import('./main');
  await state.app.whenReady();
  await until(() => state.windows.length > 0 || state.app.quitCalls > 0, 'the window or a quit');
}

/** Polls a condition with a deadline instead of sleeping. */
async function until(condition: () => boolean, what: string, deadlineMs = 2_000) {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > deadlineMs) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setImmediate(resolve));
  }
}

const platform = process.platform;
beforeEach(() => {
  resetFakeElectron();
  Object.assign(engine, { created: 0, started: 0, disposed: 0 });
});
afterEach(() => Object.defineProperty(process, 'platform', { value: platform }));

describe('main', () => {
  it('quits at once when another Berth holds the single-instance lock', async () => {
    state.app.hasSingleInstanceLock = false;
    await launch();
    expect(state.app.quitCalls).toBe(1);
    expect(state.windows).toHaveLength(0);
    expect(engine.created).toBe(0);
  });

  it('when ready: sandboxes everything, starts the engine, registers IPC, opens one guarded window on app://', async () => {
    await launch();
    expect(state.app.sandboxEnabled).toBe(true);
    // The scheme was made privileged before the app was ready (with V8's code cache kept
    // between launches), and is served once it is.
    expect(state.privilegedSchemes).toEqual([
      { schemes: [{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } }], appWasReady: false },
    ]);
    expect([...state.protocolHandlers.keys()]).toEqual(['app']);
    expect(engine).toMatchObject({ created: 1, started: 1 });
    expect(state.ipcMain.handlers.has(IPC_CHANNELS.call)).toBe(true);
    expect(state.defaultSession.headersListener).not.toBeNull();
    expect(state.windows).toHaveLength(1);
    const win = state.windows[0]!;
    // Both resolved from the bundle's own directory (dist/main once built).
    const preload = (win.options.webPreferences as { preload: string }).preload;
    expect(path.basename(preload)).toBe('preload.cjs');
    expect(win.loadedUrl).toBe('app://berth/index.html');
    const page = await state.protocolHandlers.get('app')!(new Request('app://berth/index.html'));
    expect([page.status, page.headers.get('content-security-policy')]).toEqual(
      existsSync(path.join(path.dirname(preload), '..', 'renderer', 'index.html')) ? [200, CONTENT_SECURITY_POLICY] : [404, CONTENT_SECURITY_POLICY],
    );
    // The app-wide guard reached the window's webContents.
    expect(win.webContents.windowOpenHandler?.({ url: 'https://example.com' })).toEqual({ action: 'deny' });
  });

  it('brings the first window to the front when Berth is launched a second time', async () => {
    await launch();
    const win = state.windows[0]!;
    win.minimized = true;
    state.app.emit('second-instance', fakeEvent(), [], '/');
    expect(win).toMatchObject({ minimized: false, visible: true, focused: true });
    expect(state.windows).toHaveLength(1);
  });

  it('quits when the last window closes, except on macOS', async () => {
    await launch();
    Object.defineProperty(process, 'platform', { value: 'darwin' });
    state.app.emit('window-all-closed');
    expect(state.app.quitCalls).toBe(0);
    Object.defineProperty(process, 'platform', { value: 'linux' });
    state.app.emit('window-all-closed');
    expect(state.app.quitCalls).toBeGreaterThan(0);
  });

  it('holds the quit until the engine is disposed, then quits for real', async () => {
    await launch();
    const first = fakeEvent();
    state.app.emit('before-quit', first);
    expect(first.defaultPrevented).toBe(true);
    await until(() => engine.disposed === 1, 'engine.dispose()');
    expect(state.ipcMain.handlers.size).toBe(0);

    const again = fakeEvent();
    state.app.emit('before-quit', again);
    expect(again.defaultPrevented).toBe(true);
    expect(engine.disposed).toBe(1);

    const quitsBefore = state.app.quitCalls;
    engine.finishDispose();
    await until(() => state.app.quitCalls > quitsBefore, 'the final app.quit()');
    const final = fakeEvent();
    state.app.emit('before-quit', final);
    expect(final.defaultPrevented).toBe(false);
  });

  it('puts Berth in the tray, brings a hidden window back on a second launch, and removes the tray on quit', async () => {
    await launch();
    expect(state.trays).toHaveLength(1);
    expect(state.trays[0]!.image.path).toMatch(/assets[/\\]tray[/\\]tray-unreachable/);
    const win = state.windows[0]!;
    win.visible = false;
    state.app.emit('second-instance', fakeEvent(), [], '/');
    expect(win.visible).toBe(true);
    expect(state.windows).toHaveLength(1);

    state.app.emit('before-quit', fakeEvent());
    await until(() => state.trays[0]!.isDestroyed(), 'the tray to go');
    win.close();
    expect(win.isDestroyed()).toBe(true);
  });
});
