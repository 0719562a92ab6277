// Caps on one browser-mode server, tested with raw `ws` clients: a client over a cap
// gets a too-many-* error for that one call, stream or socket, and nothing else changes.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { connectClient, startTestServer, waitFor, type TestClient, type TestServer } from './testing/harness';
import { DEFAULT_WS_LIMITS } from './ws-limits';

let t: TestServer;
const clients: TestClient[] = [];
beforeAll(async () => {
  t = await startTestServer();
});
afterEach(() => {
  t.handlers.releaseHeld();
  for (const c of clients.splice(0)) c.ws.terminate();
});
afterAll(async () => {
  await t.stop();
});

async function client(server = t): Promise<TestClient> {
  const c = await connectClient(server);
  clients.push(c);
  return c;
}

describe('streams per connection', () => {
  it('refuses the stream over the cap with too-many-streams; the others keep flowing and the socket stays', async () => {
    const cap = DEFAULT_WS_LIMITS.streamsPerConnection;
    const c = await client();
    for (let id = 1; id <= cap; id++) c.send({ t: 'subscribe', id, stream: 'engine.status', args: {} });
    await waitFor(() => c.messages.filter((m) => m.t === 'data').length === cap, `${cap} first chunks`);

    c.send({ t: 'subscribe', id: cap + 1, stream: 'engine.status', args: {} });
    const refused = await c.next((m) => m.id === cap + 1, 'the refusal');
    expect(refused).toMatchObject({ t: 'end', end: { reason: 'error', error: { code: 'too-many-streams' } } });
    expect(refused.t === 'end' && refused.end.error?.message).toMatch(/streams open/);

    // Every stream that was open still gets what it is sent.
    t.handlers.pushStatus({ state: 'connecting', endpoint: null });
    await waitFor(() => c.messages.filter((m) => m.t === 'data').length === 2 * cap, 'the pushed chunk on every stream');
    c.send({ t: 'call', id: 9000, method: 'engine.getStatus', args: {} });
    expect(await c.next((m) => m.id === 9000, 'a call')).toMatchObject({ ok: true });

    // Closing one makes room for one.
    c.send({ t: 'unsubscribe', id: 1 });
    await c.next((m) => m.id === 1 && m.t === 'end', 'the end of stream 1');
    c.send({ t: 'subscribe', id: cap + 2, stream: 'engine.status', args: {} });
    expect(await c.next((m) => m.id === cap + 2, 'the new stream')).toMatchObject({ t: 'data' });
    expect(c.ws.readyState).toBe(WebSocket.OPEN);
  });
});

describe('calls in flight per connection', () => {
  it('answers the call over the cap with too-many-calls, and takes calls again once answers went out', async () => {
    const cap = DEFAULT_WS_LIMITS.callsInFlightPerConnection;
    const c = await client();
    for (let id = 1; id <= cap; id++) c.send({ t: 'call', id, method: 'containers.stop', args: { id: 'hold' } });
    await waitFor(() => t.handlers.heldCalls === cap, `${cap} calls in flight`);

    c.send({ t: 'call', id: cap + 1, method: 'containers.list', args: {} });
    const refused = await c.next((m) => m.id === cap + 1, 'the refusal');
    expect(refused).toMatchObject({ t: 'result', ok: false, error: { code: 'too-many-calls' } });
    expect(t.handlers.heldCalls).toBe(cap);

    // Another connection is not affected.
    const other = await client();
    other.send({ t: 'call', id: 1, method: 'containers.list', args: {} });
    expect(await other.next((m) => m.id === 1, 'the other connection')).toMatchObject({ ok: true });

    t.handlers.releaseHeld();
    await waitFor(() => c.messages.filter((m) => m.t === 'result' && m.ok).length === cap, 'the held answers');
    c.send({ t: 'call', id: cap + 2, method: 'containers.list', args: {} });
    expect(await c.next((m) => m.id === cap + 2, 'a call after the answers')).toMatchObject({ ok: true });
  });
});

describe('connections per server', () => {
  it('refuses the socket over the cap with too-many-connections; the open ones keep working', async () => {
    const s = await startTestServer();
    const open: TestClient[] = [];
    try {
      for (let i = 0; i < DEFAULT_WS_LIMITS.connections; i++) open.push(await connectClient(s));
      const extra = new WebSocket(`ws://${s.host}/api/ws`, { origin: `http://${s.host}` });
      const said: string[] = [];
      extra.on('message', (d: Buffer) => said.push(d.toString()));
      extra.on('error', () => undefined);
      const closed = await new Promise<{ code: number; reason: string }>((resolve) =>
        extra.on('close', (code, reason) => resolve({ code, reason: reason.toString() })),
      );
      expect(closed.code).toBe(1013);
      expect(said.map((m) => JSON.parse(m) as unknown)).toContainEqual(
        expect.objectContaining({ t: 'refused', error: expect.objectContaining({ code: 'too-many-connections' }) }),
      );

      const first = open[0]!;
      first.send({ t: 'call', id: 1, method: 'containers.list', args: {} });
      expect(await first.next((m) => m.id === 1, 'a call on an open socket')).toMatchObject({ ok: true });

      // A socket that goes frees its place.
      open.pop()!.ws.close();
      await waitFor(() => s.openConnections() === DEFAULT_WS_LIMITS.connections - 1, 'the socket to be gone');
      open.push(await connectClient(s));
    } finally {
      for (const c of open) c.ws.terminate();
      await s.stop();
    }
  });
});
