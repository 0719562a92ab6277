import {
  ServerMessage,
  type ApiErrorShape,
  type ClientMessage,
  type StreamEnd,
} from '../../src-common/contract/index';
import type { Transport } from './transport';

/** The part of the DOM WebSocket this transport uses, so tests can hand in a fake. */
export interface SocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(): void;
  onopen: ((ev: unknown) => void) | null;
  onmessage: ((ev: { data: unknown }) => void) | null;
  onclose: ((ev: unknown) => void) | null;
  onerror: ((ev: unknown) => void) | null;
}

export interface WsTransportOptions {
  url: string;
  createSocket?: (url: string) => SocketLike;
  /** Delay before reconnect attempt n (0-based). */
  backoffMs?: (attempt: number) => number;
  setTimer?: (fn: () => void, ms: number) => unknown;
}

const OPEN = 1;
export const LOST_CONNECTION_MESSAGE = 'Lost connection to the Berth server. Reconnecting…';

export const defaultBackoffMs = (attempt: number): number => Math.min(10_000, 500 * 2 ** attempt);

type CallOutcome = { ok: true; value: unknown } | { ok: false; error: ApiErrorShape };

interface OpenStream {
  stream: string;
  args: unknown;
  onData: (chunk: unknown) => void;
  onEnd: (end: StreamEnd) => void;
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
  const pending = new Map<number, (outcome: CallOutcome) => void>();
  const streams = new Map<number, OpenStream>();
  const listeners = new Set<(connected: boolean) => void>();
  /** Messages for the socket while it is still connecting. */
  let queue: ClientMessage[] = [];
  let socket: SocketLike | null = null;
  let connected = false;
  let attempt = 0;

  const send = (message: ClientMessage) => {
    if (socket && socket.readyState === OPEN) socket.send(JSON.stringify(message));
    else queue.push(message);
  };

  const setConnected = (value: boolean) => {
    if (connected === value) return;
    connected = value;
    for (const l of listeners) l(value);
  };

  const failPending = () => {
    const error: ApiErrorShape = { code: 'engine-unreachable', message: LOST_CONNECTION_MESSAGE };
    const callbacks = [...pending.values()];
    pending.clear();
    queue = queue.filter((m) => m.t === 'subscribe');
    for (const resolve of callbacks) resolve({ ok: false, error });
  };

  const handleMessage = (raw: unknown) => {
    let parsedJson: unknown;
    try {
      parsedJson = typeof raw === 'string' ? JSON.parse(raw) : undefined;
    } catch {
      parsedJson = undefined;
    }
    const parsed = ServerMessage.safeParse(parsedJson);
    if (!parsed.success) {
      console.warn('Berth: ignored a malformed message from the server');
      return;
    }
    const message = parsed.data;
    if (message.t === 'result') {
      const resolve = pending.get(message.id);
      if (resolve) {
        pending.delete(message.id);
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
    if (message.t === 'data') target.onData(message.chunk);
    else {
      streams.delete(message.id);
      target.onEnd(message.end);
    }
  };

  const connect = () => {
    const s = createSocket(options.url);
    socket = s;
    s.onopen = () => {
      attempt = 0;
      // Streams are re-sent from the map, so drop queued subscribes to avoid doubles.
      const calls = queue.filter((m) => m.t === 'call');
      queue = [];
      for (const [id, st] of streams) s.send(JSON.stringify({ t: 'subscribe', id, stream: st.stream, args: st.args }));
      for (const m of calls) s.send(JSON.stringify(m));
      setConnected(true);
    };
    s.onmessage = (ev) => handleMessage(ev.data);
    s.onerror = () => {
      /* onclose follows and does the work */
    };
    s.onclose = () => {
      if (socket !== s) return;
      socket = null;
      setConnected(false);
      failPending();
      setTimer(connect, backoffMs(attempt++));
    };
  };

  connect();

  return {
    invoke(method, args) {
      const id = nextId++;
      return new Promise<CallOutcome>((resolve) => {
        pending.set(id, resolve);
        send({ t: 'call', id, method, args });
      });
    },
    subscribe(stream, args, onData, onEnd) {
      const id = nextId++;
      streams.set(id, { stream, args, onData, onEnd });
      send({ t: 'subscribe', id, stream, args });
      return () => {
        if (!streams.delete(id)) return;
        queue = queue.filter((m) => !(m.t === 'subscribe' && m.id === id));
        if (socket && socket.readyState === OPEN) socket.send(JSON.stringify({ t: 'unsubscribe', id }));
      };
    },
    onConnectionChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
