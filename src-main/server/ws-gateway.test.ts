import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { MAX_WIRE_MESSAGE_BYTES, type ServerMessage } from '../../src-common/contract/index';
import { CANNED_CONTAINER } from './testing/canned-handlers';
import { DEFAULT_WS_LIMITS } from './ws-limits';
import {
  connectClient,
  startTestServer,
  TEST_TOKEN,
  upgradeStatus,
  waitFor,
  wsUrl,
  type TestClient,
  type TestServer,
} from './testing/harness';

let t: TestServer;
const clients: TestClient[] = [];
beforeAll(async () => {
  t = await startTestServer();
});
afterEach(() => {
  for (const c of clients.splice(0)) c.ws.terminate();
});
afterAll(async () => {
  await t.stop();
});

async function client(): Promise<TestClient> {
  const c = await connectClient(t);
  clients.push(c);
  return c;
}

describe('upgrade checks', () => {
  it('answers 403 to a foreign Origin, another port of this machine included', async () => {
    expect(await upgradeStatus(t.server.port, {}, 'http://evil.example')).toBe(403);
    expect(await upgradeStatus(t.server.port, {}, 'http://127.0.0.1:1')).toBe(403);
  });

  it('answers 403 without an Origin', async () => {
    expect(await upgradeStatus(t.server.port, {})).toBe(403);
  });

  it('answers 403 to a foreign Host', async () => {
    const host = `evil.example:${t.server.port}`;
    expect(await upgradeStatus(t.server.port, { Host: host }, `http://${host}`)).toBe(403);
  });

  it('upgrades a same-origin socket; the token is asked for next', async () => {
    expect(await upgradeStatus(t.server.port, {}, `http://${t.host}`)).toBe(101);
  });

  it('answers 404 to another path', async () => {
    const status = await new Promise<number>((resolve) => {
      const ws = new WebSocket(`ws://${t.host}/api/other`, { origin: `http://${t.host}` });
      ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      ws.on('error', () => undefined);
    });
    expect(status).toBe(404);
  });
});

/** A same-origin socket that records what it is told, without the harness's handshake. */
async function bareSocket(server: TestServer, headers: Record<string, string> = {}) {
  const ws = new WebSocket(wsUrl(server.server.port), { origin: `http://${server.host}`, headers });
  const said: ServerMessage[] = [];
  let closed: { code: number; reason: string } | undefined;
  ws.on('message', (d: Buffer) => said.push(JSON.parse(d.toString('utf8')) as ServerMessage));
  ws.on('close', (code, reason) => (closed = { code, reason: reason.toString() }));
  ws.on('error', () => undefined);
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  return {
    ws,
    said,
    send: (m: unknown) => ws.send(typeof m === 'string' ? m : JSON.stringify(m)),
    closed: async () => {
      await waitFor(() => closed !== undefined, 'the socket to close');
      return closed!;
    },
  };
}

describe('the token, first message on the socket', () => {
  it('is not taken from the old cookie: a call behind it is never run', async () => {
    const s = await bareSocket(t, { Cookie: t.legacyCookie });
    s.send({ t: 'call', id: 1, method: 'containers.stop', args: { id: 'hold' } });
    expect(await s.closed()).toMatchObject({ code: 4401, reason: 'unauthorized' });
    expect(s.said).toEqual([{ t: 'refused', error: { code: 'unauthorized', message: expect.stringContaining('refused') } }]);
    expect(t.handlers.heldCalls).toBe(0);
  });

  it('is not taken from a bearer header either', async () => {
    const s = await bareSocket(t, { Authorization: `Bearer ${TEST_TOKEN}` });
    s.send({ t: 'subscribe', id: 1, stream: 'engine.status', args: {} });
    expect((await s.closed()).code).toBe(4401);
    expect(s.said.some((m) => m.t === 'data')).toBe(false);
  });

  it('closes on a wrong token, before looking at what follows it', async () => {
    const s = await bareSocket(t);
    const almost = TEST_TOKEN.slice(0, -1) + 'X';
    s.send({ t: 'auth', token: almost });
    s.send({ t: 'call', id: 1, method: 'containers.stop', args: { id: 'hold' } });
    expect((await s.closed()).code).toBe(4401);
    expect(s.said.map((m) => m.t)).toEqual(['refused']);
    expect(t.handlers.heldCalls).toBe(0);
  });

  it('closes when nothing comes within the deadline', async () => {
    const quick = await startTestServer({ limits: { ...DEFAULT_WS_LIMITS, authDeadlineMs: 100 } });
    try {
      const s = await bareSocket(quick);
      expect((await s.closed()).code).toBe(4401);
      expect(quick.logs.some((l) => l.includes('no token in time'))).toBe(true);
      expect(quick.openConnections()).toBe(0);
    } finally {
      await quick.stop();
    }
  });

  it('closes on a binary first message', async () => {
    const s = await bareSocket(t);
    s.ws.send(Buffer.from([2, 0, 0, 0, 0, 0, 0, 0, 1, 65]));
    expect((await s.closed()).code).toBe(4401);
  });

  it('answers ready to the right token, then serves calls; a second auth message is not protocol', async () => {
    const s = await bareSocket(t);
    s.send({ t: 'auth', token: TEST_TOKEN });
    s.send({ t: 'call', id: 1, method: 'containers.list', args: {} });
    await waitFor(() => s.said.length === 2, 'ready and the result');
    expect(s.said[0]).toEqual({ t: 'ready' });
    expect(s.said[1]).toMatchObject({ t: 'result', id: 1, ok: true });
    s.send({ t: 'auth', token: TEST_TOKEN });
    expect((await s.closed()).code).toBe(1007);
  });

  it('never logs the token, right or wrong', () => {
    expect(t.logs.join('\n')).not.toContain(TEST_TOKEN);
    expect(t.logs.some((l) => l.includes('the token was wrong'))).toBe(true);
  });
});

describe('calls', () => {
  it('round-trips a call', async () => {
    const c = await client();
    c.send({ t: 'call', id: 1, method: 'containers.list', args: {} });
    expect(await c.next((m) => m.id === 1, 'the result')).toEqual({ t: 'result', id: 1, ok: true, value: [CANNED_CONTAINER] });
  });

  it('passes an engine error through as a value', async () => {
    const c = await client();
    c.send({ t: 'call', id: 2, method: 'containers.inspect', args: { id: 'ghost' } });
    const m = await c.next((x) => x.id === 2, 'the result');
    expect(m).toMatchObject({ t: 'result', ok: false, error: { code: 'not-found', object: 'container ghost' } });
  });

  it('answers unknown-method', async () => {
    const c = await client();
    c.send({ t: 'call', id: 3, method: 'containers.explode', args: {} });
    expect(await c.next((m) => m.id === 3, 'the result')).toMatchObject({ ok: false, error: { code: 'unknown-method' } });
  });

  it('answers invalid-request for bad args', async () => {
    const c = await client();
    c.send({ t: 'call', id: 4, method: 'containers.start', args: { id: '../../etc' } });
    expect(await c.next((m) => m.id === 4, 'the result')).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
  });

  it('answers invalid-request to an off-protocol message that has an id', async () => {
    const c = await client();
    c.send({ t: 'call', id: 5, method: 42 });
    expect(await c.next((m) => m.id === 5, 'the result')).toMatchObject({ t: 'result', ok: false, error: { code: 'invalid-request' } });
    expect(c.ws.readyState).toBe(WebSocket.OPEN);
  });

  it('closes 1007 on malformed JSON and keeps serving other clients', async () => {
    const bad = await client();
    const good = await client();
    bad.send('{not json');
    expect(await bad.waitClosed()).toBe(1007);
    good.send({ t: 'call', id: 6, method: 'engine.getStatus', args: {} });
    expect(await good.next((m) => m.id === 6, 'the result')).toMatchObject({ ok: true });
  });

  it('closes 1009 on an oversized message; new connections still work', async () => {
    const big = await client();
    big.send({ t: 'call', id: 7, method: 'containers.list', args: { pad: 'x'.repeat(MAX_WIRE_MESSAGE_BYTES) } });
    expect(await big.waitClosed()).toBe(1009);
    const next = await client();
    next.send({ t: 'call', id: 8, method: 'containers.list', args: {} });
    expect(await next.next((m) => m.id === 8, 'the result')).toMatchObject({ ok: true });
  });

  it('closes 1003 on a binary message', async () => {
    const c = await client();
    c.ws.send(Buffer.from([1, 2, 3]));
    expect(await c.waitClosed()).toBe(1003);
  });
});

describe('streams', () => {
  it('delivers data, and unsubscribe runs the cancel', async () => {
    const c = await client();
    const cancelledBefore = t.handlers.cancelled.length;
    c.send({ t: 'subscribe', id: 10, stream: 'engine.status', args: {} });
    expect(await c.next((m) => m.id === 10 && m.t === 'data', 'the first chunk')).toEqual({
      t: 'data',
      id: 10,
      chunk: { state: 'connecting', endpoint: null },
    });
    t.handlers.pushStatus({ state: 'connecting', endpoint: null });
    await waitFor(() => c.messages.filter((m) => m.id === 10 && m.t === 'data').length === 2, 'the pushed chunk');
    c.send({ t: 'unsubscribe', id: 10 });
    expect(await c.next((m) => m.id === 10 && m.t === 'end', 'the end')).toEqual({ t: 'end', id: 10, end: { reason: 'cancelled' } });
    expect(t.handlers.cancelled.length).toBe(cancelledBefore + 1);
    expect(t.handlers.cancelled.at(-1)).toBe('engine.status');
  });

  it('ends with an error for an unknown stream or bad args', async () => {
    const c = await client();
    c.send({ t: 'subscribe', id: 11, stream: 'nope', args: {} });
    c.send({ t: 'subscribe', id: 12, stream: 'engine.status', args: { extra: 1 } });
    expect(await c.next((m) => m.id === 11, 'the end')).toMatchObject({ t: 'end', end: { reason: 'error', error: { code: 'unknown-method' } } });
    expect(await c.next((m) => m.id === 12, 'the end')).toMatchObject({ t: 'end', end: { reason: 'error', error: { code: 'invalid-request' } } });
  });

  it('refuses a second stream with an id already open', async () => {
    const c = await client();
    c.send({ t: 'subscribe', id: 13, stream: 'engine.status', args: {} });
    await c.next((m) => m.id === 13, 'the first chunk');
    c.send({ t: 'subscribe', id: 13, stream: 'engine.status', args: {} });
    expect(await c.next((m) => m.id === 13 && m.t === 'end', 'the end')).toMatchObject({ end: { reason: 'error' } });
  });

  it('cancels every open stream when the socket closes', async () => {
    const c = await client();
    const before = t.handlers.openStatusStreams;
    c.send({ t: 'subscribe', id: 20, stream: 'engine.status', args: {} });
    c.send({ t: 'subscribe', id: 21, stream: 'engine.status', args: {} });
    c.send({ t: 'subscribe', id: 22, stream: 'containers.changes', args: {} });
    await waitFor(() => t.handlers.openStatusStreams === before + 2, 'both streams to open');
    await c.next((m) => m.id === 22, 'the snapshot');
    const cancelledBefore = t.handlers.cancelled.length;
    c.ws.close();
    await waitFor(() => t.handlers.cancelled.length === cancelledBefore + 3, 'all three cancels');
    expect(t.handlers.openStatusStreams).toBe(before);
  });

  it('never logs the token', () => {
    expect(t.logs.join('\n')).not.toContain(TEST_TOKEN);
  });
});

describe('a client that does not read', () => {
  it('is closed with 1013 and its stream cancelled, instead of buffering without bound', async () => {
    const flood = await startTestServer({ floodChunks: 2000 });
    try {
      const c = await connectClient(flood);
      c.send({ t: 'subscribe', id: 1, stream: 'containers.changes', args: {} });
      expect(await c.waitClosed()).toBe(1013);
      expect(flood.handlers.cancelled).toEqual(['containers.changes']);
      expect(flood.logs.some((l) => l.includes('not reading'))).toBe(true);
    } finally {
      await flood.stop();
    }
  });
});

describe('shutdown', () => {
  it('closes clients with 1001 and cancels their streams', async () => {
    const s = await startTestServer();
    const c = await connectClient(s);
    c.send({ t: 'subscribe', id: 1, stream: 'engine.status', args: {} });
    await c.next((m) => m.id === 1, 'the first chunk');
    await s.stop();
    expect(await c.waitClosed()).toBe(1001);
    expect(s.handlers.cancelled).toEqual(['engine.status']);
  });
});
