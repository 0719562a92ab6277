import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { MAX_WIRE_MESSAGE_BYTES, WireCloseCode, type ApiHandlers } from '../../src-common/contract/index';
import { isAllowedHost, isSameOrigin } from './host-check';
import { serverText } from './messages';
import { authenticateSocket, refuseSocket } from './ws-auth';
import { CloseCode, serveConnection, type Connection } from './ws-connection';
import { DEFAULT_WS_LIMITS, type WsLimits } from './ws-limits';

export const WS_PATH = '/api/ws';
/** A few MB of unsent messages: far more than any healthy UI lets pile up. */
export const MAX_BUFFERED_BYTES = 4 * 1024 * 1024;

export interface WsGatewayOptions {
  handlers: ApiHandlers;
  token: string;
  /** The listening port, known only after listen(). */
  port: () => number;
  log: (line: string) => void;
  limits?: WsLimits;
}

export interface WsGateway {
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void;
  /** Sockets open now, authenticated or still presenting their token. */
  readonly openSockets: number;
  /** Says goodbye to every client (1001) and waits for their sockets to go. */
  close(): Promise<void>;
}

const STATUS_TEXT: Record<number, string> = { 403: 'Forbidden', 404: 'Not Found' };

function rejectUpgrade(socket: Duplex, status: 403 | 404, body: string): void {
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

/**
 * Where browser-mode sockets come in. Before the upgrade: a loopback Host with this
 * port, the API path, and this page's own Origin (a page elsewhere, or on another port
 * of this machine, is refused with 403). After it: the launch token as the first message
 * (ws-auth.ts), within the connection cap (ws-limits.ts). No cookie is read: browsers
 * send cookies to every port of a host, so a cookie would be handed to any other local
 * web server too.
 */
export function createWsGateway(options: WsGatewayOptions): WsGateway {
  const { handlers, token, port, log } = options;
  const limits = options.limits ?? DEFAULT_WS_LIMITS;
  // No compression (ws's default, said here because ws-connection.ts relies on it): sends
  // then go out synchronously, so a message sent in frames is never split by another.
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_WIRE_MESSAGE_BYTES, perMessageDeflate: false });
  /** Every open socket; null while it has not shown its token yet. */
  const sockets = new Map<WebSocket, Connection | null>();
  let accepted = 0;

  function accept(ws: WebSocket): void {
    // Until serveConnection takes over, a protocol error (an oversized frame) must not throw.
    ws.on('error', () => undefined);
    if (sockets.size >= limits.connections) {
      log(serverText.wsTooManyConnections);
      const message = serverText.tooManyConnections(limits.connections);
      refuseSocket(ws, { t: 'refused', error: { code: 'too-many-connections', message } }, WireCloseCode.tryAgainLater);
      return;
    }
    sockets.set(ws, null);
    ws.once('close', () => sockets.delete(ws));
    const caller = { label: `WebSocket connection ${++accepted}` };
    authenticateSocket(ws, { token, deadlineMs: limits.authDeadlineMs, log }, () => {
      if (!sockets.has(ws)) return;
      sockets.set(ws, serveConnection(ws, { handlers, log, maxBufferedBytes: MAX_BUFFERED_BYTES, limits, caller }));
    });
  }

  function handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    socket.on('error', () => socket.destroy());
    if (!isAllowedHost(req.headers.host, port())) return rejectUpgrade(socket, 403, serverText.forbiddenHost);
    if (pathOf(req.url) !== WS_PATH) return rejectUpgrade(socket, 404, serverText.notFound);
    if (!isSameOrigin(req.headers.origin, req.headers.host)) return rejectUpgrade(socket, 403, serverText.forbiddenOrigin);
    wss.handleUpgrade(req, socket, head, accept);
  }

  async function close(): Promise<void> {
    const closed = [...sockets.keys()].map((ws) => new Promise<void>((resolve) => ws.once('close', () => resolve())));
    for (const [ws, connection] of sockets) {
      if (connection) connection.shutdown(CloseCode.goingAway, 'server stopping');
      else ws.close(CloseCode.goingAway, 'server stopping');
    }
    // A client that never answers the close frame is cut off rather than holding shutdown.
    const cutOff = setTimeout(() => {
      for (const ws of sockets.keys()) ws.terminate();
    }, 1000);
    cutOff.unref();
    await Promise.all(closed);
    clearTimeout(cutOff);
    await new Promise<void>((resolve) => wss.close(() => resolve()));
  }

  return {
    handleUpgrade,
    get openSockets() {
      return sockets.size;
    },
    close,
  };
}
