/**
 * Where Berth's page lives in Electron: app://berth/index.html, served by app-protocol.ts.
 * The only page main trusts (IPC senders, navigation).
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'berth';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;

/** True only for the app's index page itself (any hash or query), never another file or origin. */
export function isAppPageUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST && parsed.pathname === '/index.html' && parsed.username === '' && parsed.password === '' && parsed.port === '';
  } catch {
    return false;
  }
}
