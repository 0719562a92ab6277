import path from 'node:path';
import { dialog, Menu, nativeImage, Tray, type MenuItemConstructorOptions, type NativeImage } from 'electron';
import type { Engine } from '../engine/index';
import { trayIconFileName } from '../tray/tray-icon-files';
import { trayIconState, type TrayIcon } from '../tray/tray-icon-state';
import { buildTrayMenu, sameMenu, toElectronLabel, trayMenuChangesAt, type TrayMenuItem } from '../tray/tray-menu-model';
import { runTrayItem, type TrayActionDeps } from '../tray/tray-actions';
import { trayStrings as s } from '../tray/tray-strings';

// The Electron adapter of the tray: the menu and icon are pure functions of the engine
// status and the container list (src-main/tray/); this file turns them into a native
// Tray and Menu, and runs clicks through the same engine layer the window uses.

export interface TrayControllerDeps {
  engine: Pick<Engine, 'connection' | 'watcher' | 'containers' | 'stats'>;
  /** assets/tray/ in the app (see trayIconDir). */
  iconDir: string;
  openWindow: TrayActionDeps['openWindow'];
  quit: TrayActionDeps['quit'];
  openUrl: TrayActionDeps['openUrl'];
  expectExit?: TrayActionDeps['expectExit'];
  platform?: NodeJS.Platform;
}

export interface TrayController {
  readonly tray: Tray;
  /** How many native menus were built (each rebuild replaces the whole menu). */
  menuBuilds(): number;
  dispose(): void;
}

/** Totals older than this are left out of the tooltip rather than shown as current. */
export const TOOLTIP_TOTALS_FRESH_MS = 30_000;
/** A hover on the icon holds the totals this long (macOS and Windows tell us of hovers; Linux does not). */
export const TOOLTIP_HOVER_HOLD_MS = 20_000;

/** assets/tray/ relative to the bundled main script (dist/main/), inside app.asar once packed. */
export function trayIconDir(mainBundleDir: string): string {
  return path.join(path.resolve(mainBundleDir), '..', '..', 'assets', 'tray');
}

export function createTrayController(deps: TrayControllerDeps): TrayController {
  const platform = deps.platform ?? process.platform;
  const images = new Map<TrayIcon, NativeImage>();
  const imageFor = (icon: TrayIcon): NativeImage => {
    let image = images.get(icon);
    if (!image) {
      image = nativeImage.createFromPath(path.join(deps.iconDir, trayIconFileName(icon, platform)));
      if (image.isEmpty()) console.error(`Berth could not load its tray icon from ${deps.iconDir}.`);
      images.set(icon, image);
    }
    return image;
  };

  const currentState = () => ({ engine: deps.engine.connection.current(), containers: deps.engine.watcher.current() ?? [] });
  // The tooltip's usage figures cost nothing of their own: they are the totals the
  // window's status bar has collected anyway, or, on a hover over the icon, a short hold
  // of them. A hidden window and no hover: no totals in the tooltip, and no requests.
  let totals = deps.engine.stats.latestTotals();
  const freshTotals = () => (totals && Date.now() - totals.t <= TOOLTIP_TOTALS_FRESH_MS ? totals : null);
  const firstIcon = trayIconState(currentState(), freshTotals());
  const tray = new Tray(imageFor(firstIcon.icon));
  let shownIcon = firstIcon.icon;
  let shownTooltip: string | null = null;
  let shownMenu: TrayMenuItem[] | null = null;
  let builds = 0;
  let disposed = false;
  /** Wakes the menu when a status line's wording changes ("Up 59 seconds" → "Up About a minute"). */
  let clockTimer: NodeJS.Timeout | undefined;

  const actionDeps: TrayActionDeps = {
    containers: deps.engine.containers,
    currentContainers: () => deps.engine.watcher.current(),
    openUrl: deps.openUrl,
    openWindow: deps.openWindow,
    quit: deps.quit,
    ...(deps.expectExit ? { expectExit: deps.expectExit } : {}),
    async confirm(question) {
      const [goAhead, cancel] = s.confirmButtons;
      const { response } = await dialog.showMessageBox({
        type: 'question',
        title: question.title,
        message: question.title,
        detail: question.message,
        buttons: [goAhead, cancel],
        defaultId: 1,
        cancelId: 1,
        noLink: true,
      });
      return response === 0;
    },
  };

  const reportFailure = (messages: readonly string[]) => {
    void dialog.showMessageBox({ type: 'error', title: s.appName, message: s.actionFailed, detail: messages.join('\n') });
  };

  const toTemplate = (items: readonly TrayMenuItem[]): MenuItemConstructorOptions[] =>
    items.map((item): MenuItemConstructorOptions => {
      switch (item.kind) {
        case 'separator':
          return { type: 'separator' };
        case 'label':
          return { id: item.id, label: toElectronLabel(item.label), enabled: false };
        case 'submenu':
          return { id: item.id, label: toElectronLabel(item.label), submenu: toTemplate(item.items) };
        case 'action':
          return {
            id: item.id,
            label: toElectronLabel(item.label),
            enabled: item.enabled,
            click: () => {
              runTrayItem(item, actionDeps)
                .then((result) => {
                  if (result.kind === 'failed') reportFailure(result.messages);
                })
                .catch((err: unknown) => reportFailure([err instanceof Error ? err.message : String(err)]));
            },
          };
      }
    });

  const refresh = () => {
    if (disposed) return;
    const state = currentState();
    const { icon, tooltip } = trayIconState(state, freshTotals());
    if (icon !== shownIcon) {
      tray.setImage(imageFor(icon));
      shownIcon = icon;
    }
    if (tooltip !== shownTooltip) {
      tray.setToolTip(tooltip);
      shownTooltip = tooltip;
    }
    const now = Date.now();
    const menu = buildTrayMenu({ ...state, now });
    clearTimeout(clockTimer);
    const changesAt = trayMenuChangesAt({ ...state, now });
    if (changesAt !== null) clockTimer = setTimeout(refresh, Math.max(0, changesAt - now));
    if (shownMenu && sameMenu(shownMenu, menu)) return;
    // A fresh Menu every time: Linux's AppIndicator does not see changes made to a menu
    // it already has, only a new one set with setContextMenu.
    tray.setContextMenu(Menu.buildFromTemplate(toTemplate(menu)));
    shownMenu = menu;
    builds += 1;
  };

  // A resync or a batch of refreshed containers arrives as many changes in one go: one
  // rebuild after them, not one per change.
  let scheduled = false;
  const scheduleRefresh = () => {
    if (scheduled) return;
    scheduled = true;
    setImmediate(() => {
      scheduled = false;
      refresh();
    });
  };

  // Windows opens the app on a left click, as its tray icons do; elsewhere a click shows the menu.
  if (platform === 'win32') tray.on('click', () => deps.openWindow());

  let staleTimer: ReturnType<typeof setTimeout> | null = null;
  const onTotals = (next: typeof totals) => {
    totals = next;
    scheduleRefresh();
    // Take the figures out of the tooltip once they are stale (nobody collects them any more).
    if (staleTimer) clearTimeout(staleTimer);
    staleTimer = setTimeout(scheduleRefresh, TOOLTIP_TOTALS_FRESH_MS + 100);
    staleTimer.unref?.();
  };
  const unsubscribeTotals = deps.engine.stats.onTotals(onTotals);
  let hoverHold: { close(): void } | null = null;
  let hoverTimer: ReturnType<typeof setTimeout> | null = null;
  const holdTotalsForHover = () => {
    hoverHold ??= deps.engine.stats.watch({}, [], { totals: true, origin: 'tray' });
    if (hoverTimer) clearTimeout(hoverTimer);
    hoverTimer = setTimeout(() => {
      hoverHold?.close();
      hoverHold = null;
    }, TOOLTIP_HOVER_HOLD_MS);
    hoverTimer.unref?.();
  };
  tray.on('mouse-enter', holdTotalsForHover);

  const unsubscribeStatus = deps.engine.connection.onStatus(scheduleRefresh);
  const unsubscribeContainers = deps.engine.watcher.subscribe(scheduleRefresh);
  refresh();

  return {
    tray,
    menuBuilds: () => builds,
    dispose() {
      disposed = true;
      clearTimeout(clockTimer);
      unsubscribeTotals();
      hoverHold?.close();
      for (const timer of [hoverTimer, staleTimer]) if (timer) clearTimeout(timer);
      unsubscribeStatus();
      unsubscribeContainers();
      if (!tray.isDestroyed()) tray.destroy();
    },
  };
}
