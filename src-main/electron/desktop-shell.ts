import { app, dialog, shell } from 'electron';
import type { Engine } from '../engine/index';
import { notificationStrings } from '../notifications/notification-strings';
import type { SettingsStore } from '../settings/settings-store';
import { APP_ID } from './app-id';
import { setStartAtLogin } from './login-item';
import { createMainWindowManager, type MainWindow } from './main-window';
import { showNote, startDesktopNotifications } from './notifications';
import { isExternalWebUrl } from './security';
import { createTrayController, type TrayController } from './tray';
import type { AppPaths } from './window';

export interface DesktopShellDeps {
  engine: Pick<Engine, 'connection' | 'watcher' | 'containers' | 'events' | 'stats'>;
  settings: SettingsStore;
  paths: AppPaths;
  /** userData: window-state.json lives there. */
  dataDir: string;
  /** assets/tray/ (trayIconDir). */
  iconDir: string;
  /** Applies "start at login"; login-item.ts unless a test records it instead. */
  setStartAtLogin?: (enabled: boolean) => Promise<void>;
}

export interface DesktopShell {
  mainWindow: MainWindow;
  /** null when the system has no tray (then closing the window quits as usual). */
  tray: TrayController | null;
  dispose(): void;
}

/**
 * Everything around the window that makes Berth a desktop app: the tray, notifications,
 * close to tray (with its one-time note), start at login, and the remembered window.
 */
export function startDesktopShell(deps: DesktopShellDeps): DesktopShell {
  const { engine, settings } = deps;
  let tray: TrayController | null = null;
  // Windows shows notifications only for an app whose id matches its Start menu shortcut,
  // which the NSIS installer creates with electron-builder's appId.
  if (process.platform === 'win32') app.setAppUserModelId(APP_ID);

  const noteOnce = () => {
    if (settings.get().closeToTrayNoteShown) return;
    const { closeToTrayTitle: title, closeToTrayBody: body } = notificationStrings;
    if (!showNote(title, body)) void dialog.showMessageBox({ type: 'info', title: 'Berth', message: title, detail: body });
    settings
      .update({ closeToTrayNoteShown: true })
      .catch((err: unknown) => console.error(`Berth could not remember the tray note: ${String(err)}`));
  };

  const mainWindow = createMainWindowManager({
    paths: deps.paths,
    dataDir: deps.dataDir,
    // Hiding with no tray to bring the window back would leave Berth running unseen.
    hideOnClose: () => tray !== null && settings.get().closeToTray,
    onHiddenOnClose: noteOnce,
    // Hidden or minimized: nothing is collected for the window's views (the page may not know yet).
    onVisibilityChange: (visible) => engine.stats.setOriginVisible('window', visible),
  });

  const notifier = startDesktopNotifications({
    events: engine.events,
    isEnabled: () => settings.get().notifications,
    openLogs: (containerId) => mainWindow.show({ containerId, tab: 'logs' }),
  });

  const quit = () => {
    mainWindow.allowClose();
    app.quit();
  };
  // Whatever starts the quit (tray, Cmd+Q, the OS logging out), the hidden window must really close.
  const onBeforeQuit = () => mainWindow.allowClose();
  app.on('before-quit', onBeforeQuit);

  try {
    tray = createTrayController({
      engine,
      iconDir: deps.iconDir,
      openWindow: (route) => mainWindow.show(route),
      quit,
      openUrl: (url) => (isExternalWebUrl(url) ? shell.openExternal(url) : Promise.reject(new Error(`Not a web address: ${url}`))),
      expectExit: (id) => notifier.expectExit(id),
    });
  } catch (err) {
    // Some Linux desktops have no status area; Berth still works as a plain window.
    console.error(`Berth could not create its tray icon: ${err instanceof Error ? err.message : String(err)}`);
  }

  const applyLoginItem = deps.setStartAtLogin ?? setStartAtLogin;
  let startAtLogin = settings.get().startAtLogin;
  const applyStartAtLogin = (wanted: boolean) => {
    applyLoginItem(wanted).catch((err: unknown) => console.error(`Berth could not change start at login: ${String(err)}`));
  };
  // When on, applied at every start too, so a moved AppImage or app is found again. When
  // off there is nothing to refresh: the entry went when the setting was turned off.
  if (startAtLogin) applyStartAtLogin(true);
  const unsubscribeSettings = settings.onChange((next) => {
    if (next.startAtLogin === startAtLogin) return;
    startAtLogin = next.startAtLogin;
    applyStartAtLogin(startAtLogin);
  });

  return {
    mainWindow,
    get tray() {
      return tray;
    },
    dispose() {
      unsubscribeSettings();
      app.removeListener('before-quit', onBeforeQuit);
      notifier.dispose();
      tray?.dispose();
      tray = null;
    },
  };
}
