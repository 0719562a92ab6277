import { describe, expect, it } from 'vitest';
import { BinaryKind, decodeBinaryFrame, encodeBinaryFrame } from '../../src-common/contract/index';
import { createWsTransport, LOST_CONNECTION_MESSAGE, MAX_CALLS_IN_FLIGHT, wsUrlFor, type SocketLike } from './ws-transport';

const TOKEN = 'tab-token-0123456789abcdefghij';

class FakeSocket implements SocketLike {
  readyState = 0;
  sent: unknown[] = [];
  /** The auth messages, kept apart so tests read what follows them. */
  auth: unknown[] = [];
  /** The `t` of every text message, auth included, in the order sent. */
  order: string[] = [];
  onopen: ((ev: unknown) => void) | null = null;
  onmessage: ((ev: { data: unknown }) => void) | null = null;
  onclose: ((ev: unknown) => void) | null = null;
  onerror: ((ev: unknown) => void) | null = null;
  binaryType?: string;
  send(data: string | Uint8Array) {
    if (typeof data === 'string') {
      const message = JSON.parse(data) as { t: string };
      this.order.push(message.t);
      (message.t === 'auth' ? this.auth : this.sent).push(message);
    } else {
      const frame = decodeBinaryFrame(data);
      this.sent.push({ binary: frame?.kind, id: frame?.id, text: new TextDecoder().decode(frame?.payload) });
    }
  }
  receiveBytes(id: number, bytes: Uint8Array) {
    const frame = encodeBinaryFrame(BinaryKind.streamData, id, bytes);
    this.onmessage?.({ data: frame.buffer.slice(frame.byteOffset, frame.byteOffset + frame.byteLength) });
  }
  close() {
    this.drop();
  }
  /** The socket opens and the server accepts the token. */
  open() {
    this.connect();
    this.receive({ t: 'ready' });
  }
  /** The socket opens; the token goes out; the server has not answered. */
  connect() {
    this.readyState = 1;
    this.onopen?.({});
  }
  drop() {
    this.readyState = 3;
    this.onclose?.({});
  }
  receive(message: unknown) {
    this.onmessage?.({ data: JSON.stringify(message) });
  }
}

function setup() {
  const sockets: FakeSocket[] = [];
  const timers: { fn: () => void; ms: number }[] = [];
  const unauthorized: string[] = [];
  const transport = createWsTransport({
    url: 'ws://x/api/ws',
    token: TOKEN,
    onUnauthorized: (message) => unauthorized.push(message),
    createSocket: () => {
      const s = new FakeSocket();
      sockets.push(s);
      return s;
    },
    setTimer: (fn, ms) => timers.push({ fn, ms }),
  });
  const current = () => sockets[sockets.length - 1]!;
  return { transport, sockets, timers, current, unauthorized };
}

describe('ws-transport', () => {
  it('builds the socket URL from the page location', () => {
    expect(wsUrlFor({ protocol: 'http:', host: 'localhost:7431' })).toBe('ws://localhost:7431/api/ws');
    expect(wsUrlFor({ protocol: 'https:', host: 'berth.example' })).toBe('wss://berth.example/api/ws');
  });

  it('sends the token first on every socket, the streams right behind it, and calls once the server says ready', async () => {
    const { transport, timers, current } = setup();
    const result = transport.invoke('containers.list', {});
    transport.subscribe('engine.status', {}, () => {}, () => {});
    current().connect();
    expect(current().auth).toEqual([{ t: 'auth', token: TOKEN }]);
    expect(current().order).toEqual(['auth', 'subscribe']);
    // A stream opened before `ready` goes out at once too; a call still waits.
    transport.subscribe('containers.changes', {}, () => {}, () => {});
    expect(current().order).toEqual(['auth', 'subscribe', 'subscribe']);
    current().receive({ t: 'ready' });
    expect(current().order).toEqual(['auth', 'subscribe', 'subscribe', 'call']);
    const call = current().sent[2] as { id: number };
    current().receive({ t: 'result', id: call.id, ok: true, value: [] });
    await expect(result).resolves.toEqual({ ok: true, value: [] });

    current().drop();
    timers[0]!.fn();
    current().connect();
    // Both streams once each on the new socket, behind the token.
    expect(current().order).toEqual(['auth', 'subscribe', 'subscribe']);
  });

  it('sends nothing but the token-first stream messages before ready, and unsubscribes what it subscribed there', () => {
    const { transport, current } = setup();
    const close = transport.subscribe('engine.status', {}, () => {}, () => {});
    close();
    expect(current().order).toEqual([]);
    const closeLater = transport.subscribe('engine.status', {}, () => {}, () => {});
    current().connect();
    closeLater();
    expect(current().sent.map((m) => (m as { t: string }).t)).toEqual(['subscribe', 'unsubscribe']);
    expect(current().order[0]).toBe('auth');
  });

  it('stops, forgets nothing silently and reports when the server refuses the token', async () => {
    const { transport, timers, current, unauthorized } = setup();
    const result = transport.invoke('containers.list', {});
    current().connect();
    const error = { code: 'unauthorized', message: "This tab's access token was refused." };
    current().receive({ t: 'refused', error });
    current().drop();
    await expect(result).resolves.toEqual({ ok: false, error });
    expect(unauthorized).toEqual([error.message]);
    expect(timers).toEqual([]);
  });

  it('retries with backoff when the server has too many connections, saying so to calls', async () => {
    const { transport, timers, current, unauthorized } = setup();
    const result = transport.invoke('containers.list', {});
    current().connect();
    const error = { code: 'too-many-connections', message: 'Berth already has 32 pages connected.' };
    current().receive({ t: 'refused', error });
    current().drop();
    await expect(result).resolves.toEqual({ ok: false, error });
    expect(unauthorized).toEqual([]);
    expect(timers).toHaveLength(1);
  });

  it(`keeps at most ${MAX_CALLS_IN_FLIGHT} calls in flight and sends the rest as answers come back`, async () => {
    const { transport, current } = setup();
    current().open();
    const results = Array.from({ length: MAX_CALLS_IN_FLIGHT + 2 }, () => transport.invoke('containers.stop', { id: 'x' }));
    expect(current().sent).toHaveLength(MAX_CALLS_IN_FLIGHT);
    const first = current().sent[0] as { id: number };
    current().receive({ t: 'result', id: first.id, ok: true, value: null });
    await expect(results[0]).resolves.toEqual({ ok: true, value: null });
    expect(current().sent).toHaveLength(MAX_CALLS_IN_FLIGHT + 1);
    current().drop();
    await expect(results.at(-1)).resolves.toMatchObject({ ok: false, error: { code: 'engine-unreachable' } });
  });

  it('queues a call until the socket opens and resolves it by request id', async () => {
    const { transport, current } = setup();
    const result = transport.invoke('containers.list', {});
    expect(current().sent).toEqual([]);
    current().open();
    const sent = current().sent[0] as { t: string; id: number; method: string };
    expect(sent).toMatchObject({ t: 'call', method: 'containers.list' });
    current().receive({ t: 'result', id: sent.id, ok: true, value: [1] });
    await expect(result).resolves.toEqual({ ok: true, value: [1] });
  });

  it('passes a failed result through as an error value', async () => {
    const { transport, current } = setup();
    current().open();
    const result = transport.invoke('containers.start', { id: 'web-1' });
    const { id } = current().sent[0] as { id: number };
    current().receive({ t: 'result', id, ok: false, error: { code: 'not-found', message: 'No container web-1.' } });
    await expect(result).resolves.toEqual({ ok: false, error: { code: 'not-found', message: 'No container web-1.' } });
  });

  it('delivers stream data and end to the right subscriber and ignores malformed frames', () => {
    const { transport, current } = setup();
    current().open();
    const chunks: unknown[] = [];
    const ends: unknown[] = [];
    transport.subscribe('engine.status', {}, (c) => chunks.push(c), (e) => ends.push(e));
    const { id } = current().sent[0] as { id: number };
    current().receive({ t: 'data', id, chunk: { a: 1 } });
    current().receive({ t: 'data', id: id + 100, chunk: { other: true } });
    current().onmessage?.({ data: '{not json' });
    current().receive({ t: 'bogus', id });
    current().receive({ t: 'end', id, end: { reason: 'complete' } });
    current().receive({ t: 'data', id, chunk: { late: true } });
    expect(chunks).toEqual([{ a: 1 }]);
    expect(ends).toEqual([{ reason: 'complete' }]);
  });

  it('sends unsubscribe and stops delivering after the unsubscribe', () => {
    const { transport, current } = setup();
    current().open();
    const chunks: unknown[] = [];
    const stop = transport.subscribe('engine.status', {}, (c) => chunks.push(c), () => {});
    const { id } = current().sent[0] as { id: number };
    stop();
    current().receive({ t: 'data', id, chunk: 1 });
    expect(current().sent[1]).toEqual({ t: 'unsubscribe', id });
    expect(chunks).toEqual([]);
  });

  it('ends a stream whose subscribe the server refused', () => {
    const { transport, current } = setup();
    current().open();
    const ends: unknown[] = [];
    transport.subscribe('nope', {}, () => {}, (e) => ends.push(e));
    const { id } = current().sent[0] as { id: number };
    current().receive({ t: 'result', id, ok: false, error: { code: 'unknown-method', message: 'Unknown stream "nope".' } });
    expect(ends).toEqual([{ reason: 'error', error: { code: 'unknown-method', message: 'Unknown stream "nope".' } }]);
  });

  it('on a drop fails calls in flight, reconnects with backoff and re-subscribes open streams', async () => {
    const { transport, sockets, timers, current } = setup();
    const states: boolean[] = [];
    transport.onConnectionChange?.((c) => states.push(c));
    current().open();
    const chunks: unknown[] = [];
    transport.subscribe('containers.changes', {}, (c) => chunks.push(c), () => {});
    const inFlight = transport.invoke('containers.list', {});
    current().drop();
    await expect(inFlight).resolves.toEqual({
      ok: false,
      error: { code: 'engine-unreachable', message: LOST_CONNECTION_MESSAGE },
    });
    expect(timers).toHaveLength(1);
    timers[0]!.fn();
    expect(sockets).toHaveLength(2);
    current().drop();
    expect(timers[1]!.ms).toBeGreaterThan(timers[0]!.ms);
    timers[1]!.fn();
    current().open();
    expect(current().sent).toEqual([{ t: 'subscribe', id: 1, stream: 'containers.changes', args: {} }]);
    current().receive({ t: 'data', id: 1, chunk: 'after' });
    expect(chunks).toEqual(['after']);
    expect(states).toEqual([true, false, true]);
  });

  it('delivers binary frames as bytes and acknowledges chunks once the task ends (or when the consumer says so)', async () => {
    const { transport, current } = setup();
    current().open();
    expect(current().binaryType).toBe('arraybuffer');
    const auto: unknown[] = [];
    transport.subscribe('engine.status', {}, (c) => auto.push(c), () => {});
    const pending: (() => void)[] = [];
    const manual = transport.open('terminal.session', {}, (_c, done) => pending.push(done), () => {}, { manualAck: true });
    const autoId = (current().sent[0] as { id: number }).id;
    const manualId = (current().sent[1] as { id: number }).id;
    current().receive({ t: 'data', id: autoId, chunk: { a: 1 } });
    current().receive({ t: 'data', id: autoId, chunk: { a: 2 } });
    current().receiveBytes(manualId, new TextEncoder().encode('hi'));
    current().receiveBytes(manualId, new TextEncoder().encode('there'));
    await Promise.resolve();
    expect(auto).toEqual([{ a: 1 }, { a: 2 }]);
    expect(current().sent.slice(2)).toEqual([{ t: 'ack', id: autoId, count: 2 }]);
    pending[0]!();
    pending[0]!(); // twice counts once
    pending[1]!();
    await Promise.resolve();
    expect(current().sent.slice(3)).toEqual([{ t: 'ack', id: manualId, count: 2 }]);

    manual.write(new TextEncoder().encode('ls\r'));
    expect(current().sent.at(-1)).toEqual({ binary: BinaryKind.streamInput, id: manualId, text: 'ls\r' });
    manual.close();
    manual.write(new TextEncoder().encode('late'));
    expect(current().sent.at(-1)).toEqual({ t: 'unsubscribe', id: manualId });
  });

  it('does not acknowledge on a new socket what arrived on the old one', async () => {
    const { transport, timers, current } = setup();
    current().open();
    const pending: (() => void)[] = [];
    transport.open('terminal.session', {}, (_c, done) => pending.push(done), () => {}, { manualAck: true });
    current().receiveBytes(1, Uint8Array.of(65));
    current().drop();
    timers[0]!.fn();
    current().open();
    pending[0]!();
    await Promise.resolve();
    expect(current().sent).toEqual([{ t: 'subscribe', id: 1, stream: 'terminal.session', args: {} }]);
  });
});
