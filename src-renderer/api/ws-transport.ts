// The envelope's zod-free modules, not the contract's index or its schemas: this is the
// entry script's code, which reads the first screen's snapshot before any schema has loaded.
import type { ApiErrorShape } from '../../src-common/contract/api-error';
import type { StreamHandle, SubscribeOptions } from '../../src-common/contract/bridge';
import { readServerMessage } from '../../src-common/contract/server-message';
import { BinaryKind, decodeBinaryFrame, encodeBinaryFrame, type ClientMessage, type StreamEnd } from '../../src-common/contract/wire-format';
import type { Transport } from './transport';

/** The part of the DOM WebSocket this transport uses, so tests can hand in a fake. */
export interface SocketLike {
  readonly readyState: number;
  binaryType?: string;
  send(data: string | Uint8Array): void;
  close(): void;
  onopen: ((ev: unknown) => void) | null;
  onmessage: ((ev: { data: unknown }) => void) | null;
  onclose: ((ev: unknown) => void) | null;
  onerror: ((ev: unknown) => void) | null;
}

export interface WsTransportOptions {
  url: string;
  /** The launch token, sent as the first message on every socket (see launch-token.ts). */
  token: string;
  /** The server refused the token: nothing is retried, the page must get a new address. */
  onUnauthorized?: (message: string) => void;
  createSocket?: (url: string) => SocketLike;
  /** Delay before reconnect attempt n (0-based). */
  backoffMs?: (attempt: number) => number;
  setTimer?: (fn: () => void, ms: number) => unknown;
}

const OPEN = 1;
export const LOST_CONNECTION_MESSAGE = 'Lost connection to the Berth server. Reconnecting…';
/**
 * At most this many calls wait for their answer at once; more (a bulk action on a large
 * selection) wait here and go out as answers come back. The server refuses a connection's
 * calls beyond its own cap (src-main/server/ws-limits.ts), which is set to this number.
 */
export const MAX_CALLS_IN_FLIGHT = 128;

export const defaultBackoffMs = (attempt: number): number => Math.min(10_000, 500 * 2 ** attempt);

type CallOutcome = { ok: true; value: unknown } | { ok: false; error: ApiErrorShape };

interface OpenStream {
  stream: string;
  args: unknown;
  onData: (chunk: unknown, done: () => void) => void;
  onEnd: (end: StreamEnd) => void;
  manualAck: boolean;
}

export function wsUrlFor(location: { protocol: string; host: string }): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/api/ws`;
}

/**
 * One WebSocket to the browser-mode server carrying the wire protocol of
 * src-common/contract/wire.ts. Reconnects with backoff; open streams are
 * subscribed again on the new socket, calls in flight fail (they may or may
 * not have run, so repeating them silently would be wrong).
 */
export function createWsTransport(options: WsTransportOptions): Transport {
  const createSocket = options.createSocket ?? ((url: string) => new WebSocket(url) as unknown as SocketLike);
  const backoffMs = options.backoffMs ?? defaultBackoffMs;
  const setTimer = options.setTimer ?? ((fn: () => void, ms: number) => setTimeout(fn, ms));

  let nextId = 1;
  /** Every call not answered yet, sent or still waiting for a free place. */
  const pending = new Map<number, (outcome: CallOutcome) => void>();
  /** Calls beyond MAX_CALLS_IN_FLIGHT, in order. */
  let waitingCalls: ClientMessage[] = [];
  let callsInFlight = 0;
  const streams = new Map<number, OpenStream>();
  const listeners = new Set<(connected: boolean) => void>();
  /** Messages for the socket while it is still connecting. */
  let queue: ClientMessage[] = [];
  let socket: SocketLike | null = null;
  /** The socket the server accepted the token on; until then nothing but the token goes out. */
  let ready = false;
  let connected = false;
  let attempt = 0;
  /** The server refused the token: no more reconnects. */
  let refused = false;
  /** Chunks processed per stream since the last ack; sent together once the current task ends. */
  const acks = new Map<number, number>();
  let ackScheduled = false;

  const flushAcks = () => {
    ackScheduled = false;
    for (const [id, count] of acks) {
      if (streams.has(id) && isReady()) socket!.send(JSON.stringify({ t: 'ack', id, count }));
    }
    acks.clear();
  };

  /** The acknowledgement of one chunk, bound to the socket that carried it (a new socket has a new window). */
  const ackFor = (id: number) => {
    const via = socket;
    let called = false;
    return () => {
      if (called || socket !== via) return;
      called = true;
      acks.set(id, (acks.get(id) ?? 0) + 1);
      if (!ackScheduled) {
        ackScheduled = true;
        queueMicrotask(flushAcks);
      }
    };
  };

  const deliver = (id: number, target: OpenStream, chunk: unknown) => {
    const done = ackFor(id);
    try {
      target.onData(chunk, done);
    } finally {
      if (!target.manualAck) done();
    }
  };

  const isOpen = () => socket !== null && socket.readyState === OPEN;
  const isReady = () => ready && isOpen();

  /**
   * Calls wait for `ready`. Subscriptions (and their unsubscribes) go out as soon as the
   * socket is open, right behind the token: the server checks the token before it reads
   * the next message, and drops everything after a refused one (ws-auth.ts), so asking
   * for the first screen's streams does not wait a round trip for `ready`.
   */
  const send = (message: ClientMessage) => {
    if (isReady() || (message.t !== 'call' && isOpen())) socket!.send(JSON.stringify(message));
    else queue.push(message);
  };

  const sendSubscribe = (s: SocketLike, id: number, st: OpenStream) =>
    s.send(JSON.stringify({ t: 'subscribe', id, stream: st.stream, args: st.args } satisfies ClientMessage));

  const sendCall = (message: ClientMessage) => {
    if (callsInFlight >= MAX_CALLS_IN_FLIGHT) {
      waitingCalls.push(message);
      return;
    }
    callsInFlight++;
    send(message);
  };

  const answered = () => {
    callsInFlight--;
    const next = waitingCalls.shift();
    if (next) sendCall(next);
  };

  const setConnected = (value: boolean) => {
    if (connected === value) return;
    connected = value;
    for (const l of listeners) l(value);
  };

  const failPending = (error: ApiErrorShape) => {
    const callbacks = [...pending.values()];
    pending.clear();
    waitingCalls = [];
    callsInFlight = 0;
    queue = queue.filter((m) => m.t === 'subscribe');
    for (const resolve of callbacks) resolve({ ok: false, error });
  };

  /** The server accepted the token: queued calls go out (the streams went with the token). */
  const onReady = (s: SocketLike) => {
    ready = true;
    attempt = 0;
    const calls = queue;
    queue = [];
    for (const m of calls) s.send(JSON.stringify(m));
    setConnected(true);
  };

  /** Why the server closed on us, when it said so (a refused token, too many connections). */
  let refusal: ApiErrorShape | null = null;

  const handleBinary = (raw: ArrayBuffer) => {
    const frame = decodeBinaryFrame(new Uint8Array(raw));
    const target = frame && frame.kind === BinaryKind.streamData ? streams.get(frame.id) : undefined;
    if (frame && target) deliver(frame.id, target, frame.payload);
  };

  const handleMessage = (raw: unknown) => {
    if (raw instanceof ArrayBuffer) return handleBinary(raw);
    let parsedJson: unknown;
    try {
      parsedJson = typeof raw === 'string' ? JSON.parse(raw) : undefined;
    } catch {
      parsedJson = undefined;
    }
    const message = readServerMessage(parsedJson);
    if (!message) {
      console.warn('Berth: ignored a malformed message from the server');
      return;
    }
    if (message.t === 'ready') {
      if (!ready && socket) onReady(socket);
      return;
    }
    if (message.t === 'refused') {
      refusal = message.error;
      if (message.error.code === 'unauthorized') refused = true;
      return;
    }
    if (message.t === 'result') {
      const resolve = pending.get(message.id);
      if (resolve) {
        pending.delete(message.id);
        answered();
        resolve(message.ok ? { ok: true, value: message.value } : { ok: false, error: message.error });
        return;
      }
      // A subscribe the server refused answers with a failed result.
      const refused = streams.get(message.id);
      if (refused && !message.ok) {
        streams.delete(message.id);
        refused.onEnd({ reason: 'error', error: message.error });
      }
      return;
    }
    const target = streams.get(message.id);
    if (!target) return;
    if (message.t === 'data') deliver(message.id, target, message.chunk);
    else {
      streams.delete(message.id);
      target.onEnd(message.end);
    }
  };

  const connect = () => {
    const s = createSocket(options.url);
    s.binaryType = 'arraybuffer';
    socket = s;
    ready = false;
    refusal = null;
    // The token first; the server answers `ready` (then onReady) or `refused` and closes.
    // Every open stream is subscribed (again) right behind it (see send), from the map, so
    // subscribes queued while connecting are dropped to avoid doubles.
    s.onopen = () => {
      s.send(JSON.stringify({ t: 'auth', token: options.token }));
      for (const [id, st] of streams) sendSubscribe(s, id, st);
      queue = queue.filter((m) => m.t === 'call');
    };
    s.onmessage = (ev) => handleMessage(ev.data);
    s.onerror = () => {
      /* onclose follows and does the work */
    };
    s.onclose = () => {
      if (socket !== s) return;
      socket = null;
      ready = false;
      setConnected(false);
      failPending(refusal ?? { code: 'engine-unreachable', message: LOST_CONNECTION_MESSAGE });
      if (refused) {
        options.onUnauthorized?.(refusal?.message ?? '');
        return;
      }
      setTimer(connect, backoffMs(attempt++));
    };
  };

  connect();

  function open(
    stream: string,
    args: unknown,
    onData: (chunk: unknown, done: () => void) => void,
    onEnd: (end: StreamEnd) => void,
    subscribeOptions?: SubscribeOptions,
  ): StreamHandle {
    const id = nextId++;
    streams.set(id, { stream, args, onData, onEnd, manualAck: subscribeOptions?.manualAck ?? false });
    send({ t: 'subscribe', id, stream, args });
    return {
      write(bytes) {
        // Keystrokes while disconnected are dropped: the session they were meant for is gone.
        if (streams.has(id) && isReady()) socket!.send(encodeBinaryFrame(BinaryKind.streamInput, id, bytes));
      },
      close() {
        if (!streams.delete(id)) return;
        queue = queue.filter((m) => !(m.t === 'subscribe' && m.id === id));
        if (isOpen()) socket!.send(JSON.stringify({ t: 'unsubscribe', id }));
      },
    };
  }

  return {
    invoke(method, args) {
      const id = nextId++;
      return new Promise<CallOutcome>((resolve) => {
        pending.set(id, resolve);
        sendCall({ t: 'call', id, method, args });
      });
    },
    subscribe(stream, args, onData, onEnd, subscribeOptions) {
      return open(stream, args, onData, onEnd, subscribeOptions).close;
    },
    open,
    onConnectionChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
