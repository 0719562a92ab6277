import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { MAX_WIRE_MESSAGE_BYTES, type ApiHandlers } from '../../src-common/contract/index';
import { isAuthorized } from './auth';
import { isAllowedHost, isSameOrigin } from './host-check';
import { serverText } from './messages';
import { CloseCode, serveConnection, type Connection } from './ws-connection';

export const WS_PATH = '/api/ws';
/** A few MB of unsent messages: far more than any healthy UI lets pile up. */
export const MAX_BUFFERED_BYTES = 4 * 1024 * 1024;

export interface WsGatewayOptions {
  handlers: ApiHandlers;
  token: string;
  /** The listening port, known only after listen(). */
  port: () => number;
  log: (line: string) => void;
}

export interface WsGateway {
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void;
  /** Says goodbye to every client (1001) and waits for their sockets to go. */
  close(): Promise<void>;
}

const STATUS_TEXT: Record<number, string> = { 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found' };

function rejectUpgrade(socket: Duplex, status: 401 | 403 | 404, body: string): void {
  const bytes = Buffer.byteLength(body);
  socket.once('finish', () => socket.destroy());
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_TEXT[status]}\r\n` +
      'Connection: close\r\n' +
      'Content-Type: text/plain; charset=utf-8\r\n' +
      `Content-Length: ${bytes}\r\n\r\n${body}`,
  );
}

function pathOf(url: string | undefined): string {
  const raw = url ?? '/';
  const q = raw.indexOf('?');
  return q < 0 ? raw : raw.slice(0, q);
}

export function createWsGateway(options: WsGatewayOptions): WsGateway {
  const { handlers, token, port, log } = options;
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_WIRE_MESSAGE_BYTES });
  const clients = new Map<WebSocket, Connection>();

  function handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    socket.on('error', () => socket.destroy());
    if (!isAllowedHost(req.headers.host, port())) return rejectUpgrade(socket, 403, serverText.forbiddenHost);
    if (!isAuthorized(req, token, port())) return rejectUpgrade(socket, 401, serverText.unauthorized);
    if (pathOf(req.url) !== WS_PATH) return rejectUpgrade(socket, 404, serverText.notFound);
    // Cookies ride along on cross-site WebSocket handshakes in some browsers; the Origin does not lie.
    if (!isSameOrigin(req.headers.origin, req.headers.host)) return rejectUpgrade(socket, 403, serverText.forbiddenOrigin);
    wss.handleUpgrade(req, socket, head, (ws) => {
      clients.set(ws, serveConnection(ws, { handlers, log, maxBufferedBytes: MAX_BUFFERED_BYTES }));
      ws.once('close', () => clients.delete(ws));
    });
  }

  async function close(): Promise<void> {
    const closed = [...clients.keys()].map((ws) => new Promise<void>((resolve) => ws.once('close', () => resolve())));
    for (const connection of clients.values()) connection.shutdown(CloseCode.goingAway, 'server stopping');
    // A client that never answers the close frame is cut off rather than holding shutdown.
    const cutOff = setTimeout(() => {
      for (const ws of clients.keys()) ws.terminate();
    }, 1000);
    cutOff.unref();
    await Promise.all(closed);
    clearTimeout(cutOff);
    await new Promise<void>((resolve) => wss.close(() => resolve()));
  }

  return { handleUpgrade, close };
}
