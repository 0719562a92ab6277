import { app, protocol, session, type WebContents } from 'electron';
import { handleAppProtocol, registerAppScheme } from './app-protocol';
import { createEngine } from '../engine/index';
import { installProcessGuard } from '../api/process-guard';
import { createElectronHost } from './electron-host';
import { createApiHandlers } from '../api/handlers';
import { createSettingsStore } from '../settings/settings-store';
import { endpointOverrideOf, reconnectOnEndpointChange } from '../settings/engine-endpoint';
import { registerIpc } from './ipc';
import { applySessionPolicy, installAppGuards } from './security';
import { resolveAppPaths } from './window';
import { startDesktopShell, type DesktopShell } from './desktop-shell';
import { trayIconDir } from './tray';

/** How long quitting waits for the engine to close its streams before giving up on it. */
const DISPOSE_TIMEOUT_MS = 5_000;

// Every renderer sandboxed, whatever a window's options say.
app.enableSandbox();
// app:// must be privileged before the app is ready; it is served once it is.
registerAppScheme(protocol);

// A forgotten promise must not take the app down (and with it every terminal); see process-guard.ts.
installProcessGuard({ log: (line) => console.error(line), exit: (code) => app.exit(code) });

if (!app.requestSingleInstanceLock()) {
  // Another Berth is running; it gets our 'second-instance' and comes to the front.
  app.quit();
} else {
  const paths = resolveAppPaths(__dirname);
  // The tray, notifications and the one window (remembered placement, close to tray); set once ready.
  let desktop: DesktopShell | null = null;
  const isAppWindow = (contents: WebContents) => desktop?.mainWindow.isAppWindow(contents) ?? false;
  installAppGuards(app);

  const whenEngineReady = app.whenReady().then(async () => {
    applySessionPolicy(session.defaultSession);
    handleAppProtocol(protocol, paths.rendererDir);
    // Read before the engine starts: the endpoint it connects to is a setting.
    const settings = await createSettingsStore(app.getPath('userData'));
    const engine = createEngine({ endpointOverride: endpointOverrideOf(settings) });
    reconnectOnEndpointChange(settings, engine);
    // Not awaited: the window shows "connecting" and the engine status stream takes it from there.
    engine.start();
    const host = createElectronHost(settings);
    const unregisterIpc = registerIpc({ handlers: createApiHandlers(engine, host), isAppWindow });
    desktop = startDesktopShell({ engine, settings, paths, dataDir: host.dataDir, iconDir: trayIconDir(__dirname) });
    desktop.mainWindow.show();
    return { engine, unregisterIpc };
  });

  // Also when the window is hidden in the tray or was closed (macOS).
  app.on('second-instance', () => desktop?.mainWindow.show());

  // macOS keeps apps alive without windows and re-opens one from the dock.
  app.on('activate', (_event, hasVisibleWindows) => {
    if (!hasVisibleWindows) desktop?.mainWindow.show();
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
      desktop?.dispose();
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
