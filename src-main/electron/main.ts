import { app, session, type BrowserWindow, type WebContents } from 'electron';
import { createEngine } from '../engine/index';
import { createElectronHost } from './electron-host';
import { createApiHandlers } from '../api/handlers';
import { registerIpc } from './ipc';
import { applySessionPolicy, installAppGuards } from './security';
import { createMainWindow, resolveAppPaths } from './window';

/** How long quitting waits for the engine to close its streams before giving up on it. */
const DISPOSE_TIMEOUT_MS = 5_000;

// Every renderer sandboxed, whatever a window's options say.
app.enableSandbox();

if (!app.requestSingleInstanceLock()) {
  // Another Berth is running; it gets our 'second-instance' and comes to the front.
  app.quit();
} else {
  const paths = resolveAppPaths(__dirname);
  const windows = new Set<BrowserWindow>();
  const isAppWindow = (contents: WebContents) => [...windows].some((w) => !w.isDestroyed() && w.webContents === contents);
  installAppGuards(app, paths.rendererIndex);

  const openWindow = () => {
    const win = createMainWindow(paths);
    windows.add(win);
    win.on('closed', () => windows.delete(win));
  };

  const whenEngineReady = app.whenReady().then(() => {
    applySessionPolicy(session.defaultSession);
    const engine = createEngine();
    // Not awaited: the window shows "connecting" and the engine status stream takes it from there.
    engine.start();
    const host = createElectronHost();
    const unregisterIpc = registerIpc({ handlers: createApiHandlers(engine, host), rendererIndex: paths.rendererIndex, isAppWindow });
    openWindow();
    return { engine, unregisterIpc };
  });

  app.on('second-instance', () => {
    const win = [...windows][0];
    if (!win) return;
    if (win.isMinimized()) win.restore();
    win.show();
    win.focus();
  });

  // macOS keeps apps alive without windows and re-opens one from the dock.
  app.on('activate', () => {
    if (app.isReady() && windows.size === 0) openWindow();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  let shutdown: 'running' | 'disposing' | 'done' = 'running';
  app.on('before-quit', (event) => {
    if (shutdown === 'done') return;
    event.preventDefault();
    if (shutdown === 'disposing') return;
    shutdown = 'disposing';
    const dispose = whenEngineReady.then(({ engine, unregisterIpc }) => {
      unregisterIpc();
      return engine.dispose();
    });
    const timeout = new Promise<void>((resolve) => setTimeout(resolve, DISPOSE_TIMEOUT_MS).unref());
    Promise.race([dispose, timeout])
      .catch((err: unknown) => console.error(`Berth could not close the engine cleanly: ${String(err)}`))
      .finally(() => {
        shutdown = 'done';
        app.quit();
      });
  });
}
