/**
 * Browser mode's access token on the page side. The server prints
 * `http://127.0.0.1:<port>/#token=…`: the fragment never reaches a server or a Referer.
 * The page's first script moves it into this tab's sessionStorage (per origin, so per
 * port; a reload keeps it, another tab does not get it) and out of the address bar, and
 * the WebSocket presents it as its first message. No cookie: browsers send a host's
 * cookies to every port on it, so any other local web server would receive one.
 * (No imports: launch-token-boot.ts runs this before any other module of the page.)
 *
 * sessionStorage is touched as late as it can be: in a fresh tab its first use waits on a
 * synchronous round trip to the browser process, which a Chromium trace of the container
 * list's first open measured at 10–90 ms on the page's critical path. A token taken from
 * the address is kept here and written once the first screen is up or the page is
 * leaving (saveLaunchToken), whichever comes first; the address bar loses it at once.
 */
const STORAGE_KEY = 'berth.token';
const FRAGMENT = /^#token=([A-Za-z0-9._~%-]{1,1024})$/;

export interface TokenPage {
  location: { hash: string; pathname: string; search: string };
  history: { replaceState(data: unknown, unused: string, url: string): void };
  storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
}

/** Tokens taken from a page's address and not yet written to its storage. */
const unsaved = new WeakMap<Pick<TokenPage, 'storage'>, string>();

/** Takes `#token=…` out of the address bar (and history), to be written to sessionStorage by saveLaunchToken. */
export function takeLaunchToken(page: TokenPage): void {
  const match = FRAGMENT.exec(page.location.hash);
  if (!match) return;
  let token: string;
  try {
    token = decodeURIComponent(match[1]!);
  } catch {
    return;
  }
  page.history.replaceState(null, '', `${page.location.pathname}${page.location.search}`);
  unsaved.set(page, token);
}

/** Writes a token taken from the address into sessionStorage, where a reload of this tab finds it. */
export function saveLaunchToken(page: Pick<TokenPage, 'storage'>): void {
  const token = unsaved.get(page);
  if (token === undefined) return;
  unsaved.delete(page);
  page.storage.setItem(STORAGE_KEY, token);
}

export function storedToken(page: Pick<TokenPage, 'storage'>): string | null {
  return unsaved.get(page) ?? page.storage.getItem(STORAGE_KEY);
}

/** After the server refused it (it was restarted with a new token): the tab must get the new address. */
export function forgetToken(page: Pick<TokenPage, 'storage'>): void {
  unsaved.delete(page);
  page.storage.removeItem(STORAGE_KEY);
}

let current: TokenPage | undefined;

/** This page, as the functions above need it (one object, storage read on use); Electron (window.berth) has no token. */
export function currentTokenPage(): TokenPage | null {
  if ((window as { berth?: unknown }).berth) return null;
  return (current ??= {
    location: window.location,
    history: window.history,
    get storage() {
      return window.sessionStorage;
    },
  });
}
