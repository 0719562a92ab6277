/**
 * Browser mode's access token on the page side. The server prints
 * `http://127.0.0.1:<port>/#token=…`: the fragment never reaches a server or a Referer.
 * The page's first script moves it into this tab's sessionStorage (per origin, so per
 * port; a reload keeps it, another tab does not get it) and out of the address bar, and
 * the WebSocket presents it as its first message. No cookie: browsers send a host's
 * cookies to every port on it, so any other local web server would receive one.
 * (No imports: launch-token-boot.ts runs this before any other module of the page.)
 */
const STORAGE_KEY = 'berth.token';
const FRAGMENT = /^#token=([A-Za-z0-9._~%-]{1,1024})$/;

export interface TokenPage {
  location: { hash: string; pathname: string; search: string };
  history: { replaceState(data: unknown, unused: string, url: string): void };
  storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
}

/** Takes `#token=…` from the address into sessionStorage and out of the address bar (and history). */
export function takeLaunchToken(page: TokenPage): void {
  const match = FRAGMENT.exec(page.location.hash);
  if (!match) return;
  let token: string;
  try {
    token = decodeURIComponent(match[1]!);
  } catch {
    return;
  }
  page.storage.setItem(STORAGE_KEY, token);
  page.history.replaceState(null, '', `${page.location.pathname}${page.location.search}`);
}

export function storedToken(page: Pick<TokenPage, 'storage'>): string | null {
  return page.storage.getItem(STORAGE_KEY);
}

/** After the server refused it (it was restarted with a new token): the tab must get the new address. */
export function forgetToken(page: Pick<TokenPage, 'storage'>): void {
  page.storage.removeItem(STORAGE_KEY);
}

/** This page, as the functions above need it; Electron (window.berth) has no token. */
export function currentTokenPage(): TokenPage | null {
  if ((window as { berth?: unknown }).berth) return null;
  return { location: window.location, history: window.history, storage: window.sessionStorage };
}
