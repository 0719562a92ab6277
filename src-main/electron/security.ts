import { shell, type App, type Session, type WebContents } from 'electron';
import { isAppPageUrl } from './app-url';

/**
 * The same policy as the meta tag in src-renderer/index.html: on the page, on every
 * app:// response (app-protocol.ts) and on every other response the session sees.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/** Links worth handing to the user's browser (published ports, docs); nothing else leaves the app. */
export function isExternalWebUrl(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}

/** CSP on every response, and no permission (camera, notifications, …) is ever granted. */
export function applySessionPolicy(session: Session): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
    });
  });
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}

/**
 * No new windows (http/https links go to the user's browser instead) and no
 * navigation away from the app page (app://berth/index.html), for any webContents.
 */
export function guardWebContents(contents: WebContents): void {
  contents.setWindowOpenHandler(({ url }) => {
    if (isExternalWebUrl(url)) {
      shell.openExternal(url).catch((err: unknown) => {
        console.error(`Berth could not open ${url} in the browser: ${String(err)}`);
      });
    }
    return { action: 'deny' };
  });
  const stayOnAppPage = (event: { url: string; preventDefault(): void }) => {
    if (!isAppPageUrl(event.url)) event.preventDefault();
  };
  contents.on('will-navigate', stayOnAppPage);
  contents.on('will-frame-navigate', stayOnAppPage);
  contents.on('will-redirect', stayOnAppPage);
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** Applies the guards to every webContents the app ever creates, ours or not. */
export function installAppGuards(app: App): void {
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents));
}
