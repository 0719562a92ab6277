import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { BinaryKind, decodeBinaryFrame, encodeBinaryFrame, FLOW_HIGH_WATER, streams } from '../../src-common/contract/index';
import { startTestServer, TEST_TOKEN, waitFor, wsUrl, type TestServer } from './testing/harness';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  await t.stop();
});

/** A raw client that keeps text and binary messages apart (the harness client reads JSON only). */
async function rawClient() {
  const ws = new WebSocket(wsUrl(t.server.port), { origin: `http://${t.host}` });
  const json: { t: string; id: number; [k: string]: unknown }[] = [];
  const bytes: { id: number; payload: Uint8Array }[] = [];
  ws.on('message', (data: Buffer, isBinary: boolean) => {
    if (!isBinary) {
      const message = JSON.parse(data.toString('utf8')) as (typeof json)[number];
      if (message.t !== 'ready') json.push(message);
      return;
    }
    const frame = decodeBinaryFrame(new Uint8Array(data));
    if (frame?.kind === BinaryKind.streamData) bytes.push({ id: frame.id, payload: Buffer.from(frame.payload) });
  });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => {
      ws.send(JSON.stringify({ t: 'auth', token: TEST_TOKEN }));
      resolve();
    });
    ws.once('error', reject);
  });
  return { ws, json, bytes, send: (m: unknown) => ws.send(JSON.stringify(m)) };
}

const args = (command: string) => ({ containerId: 'c0ffee', mode: 'exec', command, cols: 80, rows: 24 });

describe('streams with bytes and flow control over the WebSocket', () => {
  it('carries output as binary frames and takes input as binary frames, per stream id', async () => {
    const c = await rawClient();
    c.send({ t: 'subscribe', id: 41, stream: 'terminal.session', args: args('echo') });
    await waitFor(() => c.json.some((m) => m.t === 'data' && m.id === 41), 'the started chunk');
    expect(c.json.find((m) => m.id === 41)).toMatchObject({ chunk: { kind: 'started', sessionId: 'canned' } });
    c.ws.send(encodeBinaryFrame(BinaryKind.streamInput, 41, new TextEncoder().encode('ls -l\r')));
    // Input for a stream that is not open is dropped without harm.
    c.ws.send(encodeBinaryFrame(BinaryKind.streamInput, 999, Uint8Array.of(1)));
    await waitFor(() => c.bytes.length > 0, 'the echo');
    expect(c.bytes[0]!.id).toBe(41);
    expect(Buffer.from(c.bytes[0]!.payload).toString()).toBe('ls -l\r');
    expect(c.ws.readyState).toBe(WebSocket.OPEN);
    c.ws.terminate();
  });

  it("pauses a producer once the client is a stream's window behind, and resumes it on acks", async () => {
    const c = await rawClient();
    const stats = t.handlers.terminal;
    const total = 4 * 1024 * 1024;
    c.send({ t: 'subscribe', id: 7, stream: 'terminal.session', args: args(`flood:${total}`) });
    await waitFor(() => stats.pauses === 1, 'the producer to pause');
    // Without acks nothing more is produced: the backlog stays near the high-water mark.
    const sentAtPause = stats.sentBytes;
    // The terminal's contract entry asks for a small window (see terminal.ts).
    const high = streams['terminal.session'].flow?.highWater ?? FLOW_HIGH_WATER;
    expect(high).toBeLessThan(FLOW_HIGH_WATER);
    expect(sentAtPause).toBeGreaterThanOrEqual(high);
    expect(sentAtPause).toBeLessThanOrEqual(high + 64 * 1024);
    await waitFor(() => c.bytes.length * 64 * 1024 >= sentAtPause, 'the sent chunks to arrive');
    expect(stats.sentBytes).toBe(sentAtPause);

    // Acknowledge everything as it arrives, as xterm's write callback does: the flood completes.
    let acked = 0;
    // Every chunk counts, the JSON ones (the "started" event) too, as the real client does.
    const ackAll = () => {
      const n = c.bytes.length + c.json.filter((m) => m.t === 'data' && m.id === 7).length - acked;
      if (n > 0) c.send({ t: 'ack', id: 7, count: n });
      acked += n;
    };
    ackAll();
    c.ws.on('message', () => setImmediate(ackAll));
    await waitFor(() => c.json.some((m) => m.t === 'end' && m.id === 7), 'the flood to end', 10_000);
    expect(c.bytes.reduce((n, b) => n + b.payload.byteLength, 0)).toBe(total);
    expect(stats.resumes).toBeGreaterThanOrEqual(stats.pauses - 1);
    expect(stats.pauses).toBeGreaterThan(1);
    c.ws.terminate();
  });

  it('still closes the socket on a binary message that is not stream input', async () => {
    const c = await rawClient();
    const closed = new Promise<number>((resolve) => c.ws.once('close', (code) => resolve(code)));
    c.ws.send(encodeBinaryFrame(BinaryKind.streamData, 1, Uint8Array.of(1)));
    expect(await closed).toBe(1003);
  });
});
