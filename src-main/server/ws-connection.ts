import { WebSocket, type RawData } from 'ws';
import {
  BinaryKind,
  ClientMessage,
  decodeBinaryFrame,
  encodeBinaryFrame,
  type ApiErrorShape,
  type ApiHandlers,
  type Caller,
  type FlowWindow,
  type ServerMessage,
  type StreamEnd,
} from '../../src-common/contract/index';
import { flowWindowFor } from '../../src-common/contract/stream-flow';
import { dispatchCall, openStream, type OpenedStream } from '../api/dispatch';
import { serverText } from './messages';
import { encodeCallResult, encodeStreamData, SharedTextMessage, type EncodedMessage } from './ws-encode';
import { PACED_MESSAGE_BYTES, paceTurn } from './ws-pacer';
import type { WsLimits } from './ws-limits';

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
  limits: Pick<WsLimits, 'streamsPerConnection' | 'callsInFlightPerConnection'>;
  /** This connection, as handlers see it: its terminal sessions are its own. */
  caller: Caller;
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
  const { handlers, log, maxBufferedBytes, limits, caller } = options;
  const streams = new Map<number, OpenedStream & { window: FlowWindow }>();
  let callsInFlight = 0;
  let closing = false;

  function cancelAll(): void {
    const open = [...streams.values()];
    streams.clear();
    for (const stream of open) runCancel(stream.cancel);
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

  /** Sends a message; returns its size on the wire, or -1 when nothing was sent. */
  function send(message: ServerMessage): number {
    return sendEncoded(() => JSON.stringify(message));
  }

  function sendEncoded(encode: () => EncodedMessage): number {
    if (closing || ws.readyState !== WebSocket.OPEN) return -1;
    let message: EncodedMessage;
    try {
      message = encode();
    } catch (err) {
      log(`Could not encode a message: ${err instanceof Error ? err.message : String(err)}`);
      return -1;
    }
    return deliver(message, messageBytes(message));
  }

  /** Bytes go out as one binary frame (wire.ts) instead of base64 in JSON. */
  function sendBytes(id: number, bytes: Uint8Array): number {
    if (closing || ws.readyState !== WebSocket.OPEN) return -1;
    return deliver(encodeBinaryFrame(BinaryKind.streamData, id, bytes), bytes.byteLength);
  }

  /**
   * Messages waiting for their turn (ws-pacer.ts), in the order they were sent: once one
   * waits, every later one of this socket waits behind it, so a stream's data never
   * overtakes its earlier data or its end.
   */
  const outbox: OutgoingMessage[] = [];

  /** Sends now, or queues behind a large message; returns `size`, or -1 when the client was dropped. */
  function deliver(message: OutgoingMessage, size: number): number {
    const large = messageBytes(message) >= PACED_MESSAGE_BYTES;
    if (outbox.length === 0 && !large) {
      transmit(message);
      return checkBuffered() ? size : -1;
    }
    outbox.push(message);
    if (outbox.length === 1) paceTurn(flushOutbox);
    return size;
  }

  /** One turn: the waiting messages up to and including the next large one. */
  function flushOutbox(): void {
    if (closing || ws.readyState !== WebSocket.OPEN) {
      outbox.length = 0;
      return;
    }
    while (outbox.length > 0) {
      const message = outbox.shift()!;
      transmit(message);
      if (messageBytes(message) >= PACED_MESSAGE_BYTES) break;
    }
    if (!checkBuffered()) {
      outbox.length = 0;
      return;
    }
    if (outbox.length > 0) paceTurn(flushOutbox);
  }

  function transmit(message: OutgoingMessage): void {
    if (!(message instanceof SharedTextMessage)) {
      ws.send(message);
      return;
    }
    // One message in three frames, sent back to back: nothing else of this socket can come
    // between them (sends are synchronous with compression off, and this runs to the end).
    ws.send(message.head, { binary: false, fin: false });
    ws.send(message.body, { binary: false, fin: false });
    ws.send(message.tail, { binary: false, fin: true });
  }

  function checkBuffered(): boolean {
    // Streams pause on the client's acks (flow.ts); a reader that still falls this far
    // behind (a producer that ignores flow control) is dropped rather than letting its
    // backlog grow without bound in this process.
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
    if (callsInFlight >= limits.callsInFlightPerConnection) {
      const message = serverText.tooManyCalls(limits.callsInFlightPerConnection);
      send({ t: 'result', id, ok: false, error: { code: 'too-many-calls', message } });
      return;
    }
    callsInFlight++;
    dispatchCall(handlers, method, args, caller)
      .then((outcome) => sendEncoded(() => encodeCallResult(id, outcome)))
      .catch((err: unknown) =>
        send({ t: 'result', id, ok: false, error: { code: 'internal', message: String(err) } }),
      )
      .finally(() => callsInFlight--);
  }

  function handleSubscribe(id: number, stream: string, args: unknown): void {
    if (streams.has(id)) {
      send({ t: 'end', id, end: { reason: 'error', error: { code: 'invalid-request', message: serverText.duplicateStreamId(id) } } });
      return;
    }
    if (streams.size >= limits.streamsPerConnection) {
      const message = serverText.tooManyStreams(limits.streamsPerConnection);
      send({ t: 'end', id, end: { reason: 'error', error: { code: 'too-many-streams', message } } });
      return;
    }
    let ended = false;
    const window = flowWindowFor(stream);
    const sink = {
      next: (chunk: unknown) => {
        const size = chunk instanceof Uint8Array ? sendBytes(id, chunk) : sendEncoded(() => encodeStreamData(id, chunk));
        return size < 0 ? false : window.sent(size);
      },
      end: (end: StreamEnd) => {
        ended = true;
        streams.delete(id);
        send({ t: 'end', id, end });
      },
    };
    const opened = openStream(handlers, stream, args, sink, caller);
    if (!opened.ok) {
      send({ t: 'end', id, end: { reason: 'error', error: opened.error } });
      return;
    }
    // The producer may end (or the socket may close) while opening; then nothing stays registered.
    if (ended) return;
    if (closing) runCancel(opened.cancel);
    else streams.set(id, { ...opened, window });
  }

  function handleUnsubscribe(id: number): void {
    const stream = streams.get(id);
    if (stream === undefined) return; // already ended: its end message is on its way
    streams.delete(id);
    runCancel(stream.cancel);
    send({ t: 'end', id, end: { reason: 'cancelled' } });
  }

  function handleAck(id: number, count: number): void {
    const stream = streams.get(id);
    if (stream?.window.acked(count)) stream.drain();
  }

  function handleBinary(data: RawData): void {
    const bytes = Array.isArray(data) ? Buffer.concat(data) : Buffer.isBuffer(data) ? data : new Uint8Array(data);
    const frame = decodeBinaryFrame(bytes);
    if (!frame || frame.kind !== BinaryKind.streamInput) {
      log(serverText.wsBinary);
      shutdown(CloseCode.unsupportedData, 'unknown binary frame');
      return;
    }
    // Input for a stream that just ended is dropped, like keystrokes after a shell exits.
    streams.get(frame.id)?.input(frame.payload);
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
      case 'ack':
        handleAck(message.id, message.count);
        break;
    }
  }

  ws.on('message', (data, isBinary) => {
    if (closing) return;
    try {
      if (isBinary) handleBinary(data);
      else handleText(toText(data));
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

/** A text message, one in shared bytes, or a binary stream frame (wire.ts). */
type OutgoingMessage = EncodedMessage | Uint8Array;

/** A message's size for pacing: characters of text (close enough to its bytes), or bytes. */
function messageBytes(message: OutgoingMessage): number {
  return typeof message === 'string' ? message.length : message.byteLength;
}
