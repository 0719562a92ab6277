import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ApiHandlers } from '../../src-common/contract/index';
import { expiredLegacyCookie } from './auth';
import { isAllowedHost } from './host-check';
import { createRedactingLog, writeToStderr } from './log';
import { serverText } from './messages';
import { applySecurityHeaders } from './security-headers';
import { serveStatic } from './static-files';
import { serveDownload } from './download-route';
import { DOWNLOADS_PATH, type DownloadRegistry } from '../api/downloads';
import { UPLOADS_PATH, type UploadRegistry } from '../api/uploads';
import { serveUpload } from './upload-route';
import { renderWelcomePage, WELCOME_CSS, WELCOME_CSS_PATH, WELCOME_PATH, type LaunchInfo } from './welcome-page';
import { createWsGateway } from './ws-gateway';
import type { WsLimits } from './ws-limits';

export interface ServerOptions {
  handlers: ApiHandlers;
  /** The secret every WebSocket must present first (see ws-auth.ts). */
  token: string;
  /** A loopback address; the CLI refuses anything else. */
  host: string;
  /** 0 picks a free port. */
  port: number;
  /** The built renderer (dist/renderer). */
  staticDir: string;
  /** How this server was started, for the "how to get in" page. */
  launch?: LaunchInfo;
  /** One-time downloads offered by handlers (logs, image tars), served under /api/downloads/. */
  downloads?: DownloadRegistry;
  /** One-time uploads offered by handlers (files into containers and volumes), taken under /api/uploads/. */
  uploads?: UploadRegistry;
  /** Where diagnostic lines go (stderr by default); the token is redacted from them. */
  log?: (line: string) => void;
  /** Caps per connection and server (ws-limits.ts); tests lower them. */
  limits?: WsLimits;
}

export interface RunningServer {
  port: number;
  /** The page's address without the token, e.g. http://127.0.0.1:7420/ */
  url: string;
  /** WebSockets open now (authenticated or not yet). */
  openConnections(): number;
  close(): Promise<void>;
}

/** `::1` must be bracketed in a URL. */
export function urlHost(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}

function sendText(res: ServerResponse, status: number, text: string): void {
  res.statusCode = status;
  res.setHeader('Content-Type', 'text/plain; charset=utf-8');
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('Content-Length', Buffer.byteLength(text));
  res.end(res.req.method === 'HEAD' ? undefined : text);
}

function splitUrl(url: string | undefined): { pathname: string; query: URLSearchParams } {
  const raw = url ?? '/';
  const q = raw.indexOf('?');
  return q < 0
    ? { pathname: raw, query: new URLSearchParams() }
    : { pathname: raw.slice(0, q), query: new URLSearchParams(raw.slice(q + 1)) };
}

function sendPage(res: ServerResponse, type: string, body: string): void {
  res.statusCode = 200;
  res.setHeader('Content-Type', type);
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('Content-Length', Buffer.byteLength(body));
  res.end(res.req.method === 'HEAD' ? undefined : body);
}

const isPagePath = (pathname: string) => pathname === '/' || pathname === '/index.html';

/**
 * The browser-mode server. Over plain HTTP it serves only public things: the built
 * renderer, the "how to get in" page, and one-time download URLs (unguessable,
 * short-lived, single-use); one-time upload URLs also need the token in an
 * Authorization header, which the page sends. Everything else is the WebSocket, which
 * must present the launch token first. Every request must name a loopback Host with
 * this port.
 */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const { handlers, token, host, staticDir } = options;
  const log = createRedactingLog(token, options.log ?? writeToStderr);
  let port = options.port;

  async function handleRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    applySecurityHeaders(res);
    if (!isAllowedHost(req.headers.host, port)) return sendText(res, 403, serverText.forbiddenHost);
    const { pathname, query } = splitUrl(req.url);
    if (req.method === 'PUT' && options.uploads && pathname.startsWith(UPLOADS_PATH)) {
      return serveUpload(req, res, options.uploads, token);
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      return sendText(res, 405, serverText.methodNotAllowed);
    }
    if (options.downloads && pathname.startsWith(DOWNLOADS_PATH)) {
      const result = await serveDownload(req, pathname, res, options.downloads);
      if (result === 'not-found') sendText(res, 404, serverText.notFound);
      else if (result === 'forbidden') sendText(res, 403, serverText.forbiddenDownload);
      return;
    }
    if (pathname.startsWith('/api/')) return sendText(res, 404, serverText.notFound);
    if (pathname === WELCOME_CSS_PATH) return sendPage(res, 'text/css; charset=utf-8', WELCOME_CSS);
    if (pathname === WELCOME_PATH || isPagePath(pathname)) res.setHeader('Set-Cookie', expiredLegacyCookie(port));
    if (pathname === WELCOME_PATH) {
      const origin = `http://${urlHost(host)}:${port}`;
      const page = renderWelcomePage(options.launch ?? { command: 'npm run serve' }, origin, query.has('refused'));
      return sendPage(res, 'text/html; charset=utf-8', page);
    }
    const result = await serveStatic(req, res, staticDir, pathname);
    if (result === 'not-found') sendText(res, 404, serverText.notFound);
  }

  const server = createServer((req, res) => {
    handleRequest(req, res).catch((err: unknown) => {
      log(`Request failed: ${err instanceof Error ? err.message : String(err)}`);
      if (!res.headersSent) sendText(res, 500, serverText.internal);
      else res.destroy();
    });
  });
  const gateway = createWsGateway({ handlers, token, port: () => port, log, ...(options.limits ? { limits: options.limits } : {}) });
  server.on('upgrade', (req, socket, head) => gateway.handleUpgrade(req, socket, head));
  server.on('clientError', (_err, socket) => socket.destroy());

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ host, port: options.port }, () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;

  let closing: Promise<void> | undefined;
  return {
    port,
    url: `http://${urlHost(host)}:${port}/`,
    openConnections: () => gateway.openSockets,
    close: () => {
      closing ??= (async () => {
        const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
        await gateway.close();
        server.closeAllConnections();
        await stopped;
      })();
      return closing;
    },
  };
}
