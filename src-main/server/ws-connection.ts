import { WebSocket, type RawData } from 'ws';
import { ClientMessage, type ApiErrorShape, type ApiHandlers, type ServerMessage } from '../../src-common/contract/index';
import { dispatchCall, openStream } from '../api/dispatch';
import { serverText } from './messages';

/** Close codes from RFC 6455 §7.4.1 and the IANA registry. */
export const CloseCode = {
  goingAway: 1001,
  unsupportedData: 1003,
  invalidPayload: 1007,
  tooLarge: 1009,
  internalError: 1011,
  tryAgainLater: 1013,
} as const;

export interface ConnectionOptions {
  handlers: ApiHandlers;
  log: (line: string) => void;
  /** Past this many unsent bytes the client is not keeping up and is dropped. */
  maxBufferedBytes: number;
}

export interface Connection {
  /** Cancels every open stream, then closes the socket with `code`. */
  shutdown(code: number, reason: string): void;
  readonly openStreamCount: number;
}

type Parsed = { ok: true; message: ClientMessage } | { ok: false; id: number | undefined; kind: unknown; issues: string };

function readId(value: unknown): number | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const id = (value as Record<string, unknown>)['id'];
  return typeof id === 'number' && Number.isSafeInteger(id) && id >= 0 ? id : undefined;
}

function parseClientMessage(text: string): Parsed {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, id: undefined, kind: undefined, issues: 'not JSON' };
  }
  const parsed = ClientMessage.safeParse(raw);
  if (parsed.success) return { ok: true, message: parsed.data };
  const issues = parsed.error.issues
    .map((i) => (i.path.length ? `${i.path.map(String).join('.')}: ${i.message}` : i.message))
    .join('; ');
  const kind = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>)['t'] : undefined;
  return { ok: false, id: readId(raw), kind, issues };
}

function toText(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.isBuffer(data) ? data.toString('utf8') : Buffer.from(data).toString('utf8');
}

/**
 * Speaks the wire protocol (src-common/contract/wire.ts) on one socket: calls go
 * through dispatchCall, subscriptions through openStream; a stream lives until it
 * ends, the client unsubscribes, or the socket goes away.
 */
export function serveConnection(ws: WebSocket, options: ConnectionOptions): Connection {
  const { handlers, log, maxBufferedBytes } = options;
  const streams = new Map<number, () => void>();
  let closing = false;

  function cancelAll(): void {
    const cancels = [...streams.values()];
    streams.clear();
    for (const cancel of cancels) runCancel(cancel);
  }

  function runCancel(cancel: () => void): void {
    try {
      cancel();
    } catch (err) {
      log(`A stream's cancel failed: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  function shutdown(code: number, reason: string): void {
    if (closing) return;
    closing = true;
    cancelAll();
    ws.close(code, reason);
  }

  function send(message: ServerMessage): boolean {
    if (closing || ws.readyState !== WebSocket.OPEN) return false;
    let text: string;
    try {
      text = JSON.stringify(message);
    } catch (err) {
      log(`Could not encode a message: ${err instanceof Error ? err.message : String(err)}`);
      return false;
    }
    ws.send(text);
    // Until streams have real flow control, a reader that falls this far behind is dropped
    // rather than letting its backlog grow without bound in this process.
    if (ws.bufferedAmount > maxBufferedBytes) {
      log(serverText.wsSlowClient);
      shutdown(CloseCode.tryAgainLater, 'client too slow');
      return false;
    }
    return true;
  }

  function rejectMessage(id: number, kind: unknown, error: ApiErrorShape): void {
    if (kind === 'subscribe') send({ t: 'end', id, end: { reason: 'error', error } });
    else send({ t: 'result', id, ok: false, error });
  }

  function handleCall(id: number, method: string, args: unknown): void {
    dispatchCall(handlers, method, args)
      .then((outcome) => send({ t: 'result', id, ...outcome }))
      .catch((err: unknown) =>
        send({ t: 'result', id, ok: false, error: { code: 'internal', message: String(err) } }),
      );
  }

  function handleSubscribe(id: number, stream: string, args: unknown): void {
    if (streams.has(id)) {
      send({ t: 'end', id, end: { reason: 'error', error: { code: 'invalid-request', message: serverText.duplicateStreamId(id) } } });
      return;
    }
    let ended = false;
    const opened = openStream(handlers, stream, args, {
      next: (chunk) => {
        send({ t: 'data', id, chunk });
      },
      end: (end) => {
        ended = true;
        streams.delete(id);
        send({ t: 'end', id, end });
      },
    });
    if (!opened.ok) {
      send({ t: 'end', id, end: { reason: 'error', error: opened.error } });
      return;
    }
    // The producer may end (or the socket may close) while opening; then nothing stays registered.
    if (ended) return;
    if (closing) runCancel(opened.cancel);
    else streams.set(id, opened.cancel);
  }

  function handleUnsubscribe(id: number): void {
    const cancel = streams.get(id);
    if (cancel === undefined) return; // already ended: its end message is on its way
    streams.delete(id);
    runCancel(cancel);
    send({ t: 'end', id, end: { reason: 'cancelled' } });
  }

  function handleText(text: string): void {
    const parsed = parseClientMessage(text);
    if (!parsed.ok) {
      if (parsed.id === undefined) {
        log(serverText.wsUnreadable);
        shutdown(CloseCode.invalidPayload, 'unreadable message');
      } else {
        rejectMessage(parsed.id, parsed.kind, { code: 'invalid-request', message: serverText.invalidMessage(parsed.issues) });
      }
      return;
    }
    const message = parsed.message;
    switch (message.t) {
      case 'call':
        handleCall(message.id, message.method, message.args);
        break;
      case 'subscribe':
        handleSubscribe(message.id, message.stream, message.args);
        break;
      case 'unsubscribe':
        handleUnsubscribe(message.id);
        break;
    }
  }

  ws.on('message', (data, isBinary) => {
    if (closing) return;
    if (isBinary) {
      log(serverText.wsBinary);
      shutdown(CloseCode.unsupportedData, 'binary messages are not used');
      return;
    }
    try {
      handleText(toText(data));
    } catch (err) {
      log(`WebSocket message failed: ${err instanceof Error ? err.message : String(err)}`);
      shutdown(CloseCode.internalError, 'internal error');
    }
  });

  ws.on('error', (err: Error & { code?: string }) => {
    // ws closes the socket itself after a protocol error (1009 for an oversized message).
    log(err.code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH' ? serverText.wsTooLarge : `WebSocket error: ${err.message}`);
    closing = true;
    cancelAll();
  });

  ws.on('close', () => {
    closing = true;
    cancelAll();
  });

  return {
    shutdown,
    get openStreamCount() {
      return streams.size;
    },
  };
}
