import path from 'node:path';
import { BrowserWindow, type WebPreferences } from 'electron';
import { APP_INDEX_URL } from './app-url';
import { DEFAULT_SIZE, MIN_SIZE, type WindowPlacement } from './window-state';

/** Where the built pieces live, relative to the bundled main script (dist/main/electron-main.cjs). */
export interface AppPaths {
  /** dist/main/preload.cjs: the sandboxed preload, one self-contained file. */
  preload: string;
  /** dist/renderer: the Vite-built UI, the only folder app:// serves (app-protocol.ts). */
  rendererDir: string;
  /** app://berth/index.html: the page's URL; the only page main trusts. */
  rendererUrl: string;
}

/** `mainBundleDir` is `__dirname` of dist/main/electron-main.cjs. */
export function resolveAppPaths(mainBundleDir: string): AppPaths {
  const dir = path.resolve(mainBundleDir);
  return {
    preload: path.join(dir, 'preload.cjs'),
    rendererDir: path.join(dir, '..', 'renderer'),
    rendererUrl: APP_INDEX_URL,
  };
}

/**
 * Electron's security checklist, spelled out even where it matches the default, so
 * a future default change or a careless edit shows up in review and in the test.
 */
export function secureWebPreferences(preload: string): WebPreferences {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    spellcheck: false,
  };
}

/** Where the window opens (see window-state.ts) and the route it opens on, e.g. "/containers/<id>/logs". */
export interface WindowOpening {
  placement?: WindowPlacement;
  hash?: string;
}

/** The main window; navigation and permission guards come from security.ts. */
export function createMainWindow(paths: AppPaths, opening: WindowOpening = {}): BrowserWindow {
  const placement = opening.placement ?? { ...DEFAULT_SIZE, maximized: false };
  const win = new BrowserWindow({
    title: 'Berth',
    width: placement.width,
    height: placement.height,
    ...(placement.x !== undefined && placement.y !== undefined ? { x: placement.x, y: placement.y } : {}),
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    // Shown once the first paint is ready, so the user never sees a blank white frame.
    show: false,
    backgroundColor: '#1e1e1e',
    webPreferences: secureWebPreferences(paths.preload),
  });
  win.once('ready-to-show', () => {
    if (placement.maximized) win.maximize();
    win.show();
  });
  const url = opening.hash ? `${paths.rendererUrl}#${opening.hash}` : paths.rendererUrl;
  win.loadURL(url).catch((err: unknown) => {
    console.error(`Berth could not load its UI (${url}) from ${paths.rendererDir}: ${String(err)}. Run "npm run build" first.`);
  });
  return win;
}
