import { screen, type BrowserWindow, type Rectangle, type WebContents } from 'electron';
import { createMainWindow, type AppPaths } from './window';
import { placementFor, readWindowState, trackWindowState } from './window-state';

export interface WindowRoute {
  containerId: string;
  tab: 'logs' | 'terminal';
}

export interface MainWindowDeps {
  paths: AppPaths;
  /** Where window-state.json lives (userData). */
  dataDir: string;
  /** True when closing should hide the window instead (close to tray is on and a tray exists). */
  hideOnClose: () => boolean;
  /** Closing just hid the window (the place for the one-time "still running" note). */
  onHiddenOnClose?: () => void;
  /** The displays' work areas; screen.getAllDisplays() unless a test says otherwise. */
  workAreas?: () => Rectangle[];
  /**
   * Whether the window can be seen changed: shown, hidden (to the tray), minimized,
   * restored, closed. Resource usage is collected for the window only while it can.
   */
  onVisibilityChange?: (visible: boolean) => void;
}

export interface MainWindow {
  /** Shows the window, creating it when there is none, optionally on a container's tab. */
  show(route?: WindowRoute): void;
  current(): BrowserWindow | null;
  isAppWindow(contents: WebContents): boolean;
  /** Closing closes for real from now on: the app is quitting. */
  allowClose(): void;
}

/** The renderer's hash route for a container tab (src-renderer/router/route.ts). */
export function routeHash(route: WindowRoute): string {
  return `/containers/${encodeURIComponent(route.containerId)}/${route.tab}`;
}

/** Berth's one window: remembered size and position, close to tray, opening on a route. */
export function createMainWindowManager(deps: MainWindowDeps): MainWindow {
  let win: BrowserWindow | null = null;
  let quitting = false;
  const workAreas = deps.workAreas ?? (() => screen.getAllDisplays().map((d) => d.workArea));

  const create = (route?: WindowRoute): BrowserWindow => {
    const placement = placementFor(readWindowState(deps.dataDir), workAreas());
    const created = createMainWindow(deps.paths, { placement, ...(route ? { hash: routeHash(route) } : {}) });
    const stopTracking = trackWindowState(created, deps.dataDir);
    const visibility = () => deps.onVisibilityChange?.(!created.isDestroyed() && created.isVisible() && !created.isMinimized());
    created.on('show', visibility);
    created.on('hide', visibility);
    created.on('minimize', visibility);
    created.on('restore', visibility);
    created.on('close', (event) => {
      if (quitting || !deps.hideOnClose()) return;
      event.preventDefault();
      created.hide();
      deps.onHiddenOnClose?.();
    });
    created.on('closed', () => {
      stopTracking();
      deps.onVisibilityChange?.(false);
      if (win === created) win = null;
    });
    win = created;
    return created;
  };

  return {
    show(route) {
      const existing = win && !win.isDestroyed() ? win : null;
      if (!existing) {
        create(route);
        return;
      }
      // Only the fragment changes, so Chromium navigates within the page: no reload.
      if (route) {
        const url = `${deps.paths.rendererUrl}#${routeHash(route)}`;
        existing.webContents.loadURL(url).catch((err: unknown) => console.error(`Berth could not open ${url}: ${String(err)}`));
      }
      if (existing.isMinimized()) existing.restore();
      existing.show();
      existing.focus();
    },
    current: () => (win && !win.isDestroyed() ? win : null),
    isAppWindow: (contents) => win !== null && !win.isDestroyed() && win.webContents === contents,
    allowClose() {
      quitting = true;
    },
  };
}
