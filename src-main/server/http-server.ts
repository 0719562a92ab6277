import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ApiHandlers } from '../../src-common/contract/index';
import { isAuthorized, TOKEN_QUERY_PARAM, tokenCookie, tokenMatches } from './auth';
import { isAllowedHost } from './host-check';
import { createRedactingLog, writeToStderr } from './log';
import { serverText } from './messages';
import { applySecurityHeaders } from './security-headers';
import { serveStatic } from './static-files';
import { serveDownload } from './download-route';
import { DOWNLOADS_PATH, type DownloadRegistry } from '../api/downloads';
import { UPLOADS_PATH, type UploadRegistry } from '../api/uploads';
import { serveUpload } from './upload-route';
import { createWsGateway } from './ws-gateway';

export interface ServerOptions {
  handlers: ApiHandlers;
  /** The secret every request must carry (cookie or bearer). */
  token: string;
  /** A loopback address; the CLI refuses anything else. */
  host: string;
  /** 0 picks a free port. */
  port: number;
  /** The built renderer (dist/renderer). */
  staticDir: string;
  /** One-time downloads offered by handlers (logs, image tars), served under /api/downloads/. */
  downloads?: DownloadRegistry;
  /** One-time uploads offered by handlers (files into containers and volumes), taken under /api/uploads/. */
  uploads?: UploadRegistry;
  /** Where diagnostic lines go (stderr by default); the token is redacted from them. */
  log?: (line: string) => void;
}

export interface RunningServer {
  port: number;
  /** The page's address without the token, e.g. http://127.0.0.1:7420/ */
  url: string;
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

/**
 * The browser-mode server: the built renderer over HTTP and the API over one
 * WebSocket, both behind a per-start token and a loopback Host check.
 */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const { handlers, token, host, staticDir } = options;
  const log = createRedactingLog(token, options.log ?? writeToStderr);
  let port = options.port;

  async function handleRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    applySecurityHeaders(res);
    if (!isAllowedHost(req.headers.host, port)) return sendText(res, 403, serverText.forbiddenHost);
    const isRead = req.method === 'GET' || req.method === 'HEAD';
    const { pathname, query } = splitUrl(req.url);
    const queryToken = query.get(TOKEN_QUERY_PARAM);
    if (queryToken !== null) {
      if (!isRead || !tokenMatches(queryToken, token)) return sendText(res, 401, serverText.unauthorized);
      // Trade the token in the address bar (and history) for an HttpOnly cookie.
      res.statusCode = 303;
      res.setHeader('Set-Cookie', tokenCookie(token, port));
      res.setHeader('Location', '/');
      res.setHeader('Cache-Control', 'no-store');
      res.end();
      return;
    }
    if (!isAuthorized(req, token, port)) {
      res.setHeader('WWW-Authenticate', 'Bearer');
      return sendText(res, 401, serverText.unauthorized);
    }
    if (req.method === 'PUT' && options.uploads && pathname.startsWith(UPLOADS_PATH)) {
      return serveUpload(req, res, options.uploads);
    }
    if (!isRead) {
      res.setHeader('Allow', 'GET, HEAD');
      return sendText(res, 405, serverText.methodNotAllowed);
    }
    if (options.downloads && pathname.startsWith(DOWNLOADS_PATH)) {
      if ((await serveDownload(pathname, res, options.downloads)) === 'not-found') sendText(res, 404, serverText.notFound);
      return;
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
  const gateway = createWsGateway({ handlers, token, port: () => port, log });
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
