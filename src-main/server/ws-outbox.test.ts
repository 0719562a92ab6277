import { describe, expect, it } from 'vitest';
import type { WebSocket } from 'ws';
import { useTestServer } from './testing/harness';
import { SHARED_BYTES_FROM } from './ws-encode';
import { PACED_MESSAGE_BYTES } from './ws-pacer';

// A list large enough that its answer is sent as shared bytes and paced (ws-encode.ts, ws-pacer.ts).
const LIST_SIZE = 400;

const { client } = useTestServer({ listSize: LIST_SIZE });

/** Counts the messages the socket receives, text and binary (frames are put together before this). */
function countMessages(ws: WebSocket): { text: number; binary: number } {
  const seen = { text: 0, binary: 0 };
  ws.on('message', (_data, isBinary) => (isBinary ? seen.binary++ : seen.text++));
  return seen;
}

describe('large call results', () => {
  it('arrive as one whole text message, however they were framed', async () => {
    const c = await client();
    const seen = countMessages(c.ws);
    c.send({ t: 'call', id: 1, method: 'containers.list', args: {} });
    const result = await c.next((m) => m.id === 1, 'the list');
    expect(result).toMatchObject({ t: 'result', id: 1, ok: true });
    const value = (result as { value: { id: string }[] }).value;
    expect(value).toHaveLength(LIST_SIZE);
    expect(value[LIST_SIZE - 1]?.id).toBe(`c${LIST_SIZE - 1}`);
    expect(JSON.stringify(result).length).toBeGreaterThan(Math.max(SHARED_BYTES_FROM, PACED_MESSAGE_BYTES));
    expect(seen).toEqual({ text: 1, binary: 0 });
  });

  it('keep their socket’s order: a small answer sent after a large one arrives after it', async () => {
    const c = await client();
    c.send({ t: 'call', id: 1, method: 'containers.list', args: {} });
    c.send({ t: 'call', id: 2, method: 'engine.getStatus', args: {} });
    c.send({ t: 'call', id: 3, method: 'containers.list', args: {} });
    c.send({ t: 'call', id: 4, method: 'engine.getStatus', args: {} });
    await c.next((m) => m.id === 4, 'the last answer');
    expect(c.messages.map((m) => m.id)).toEqual([1, 2, 3, 4]);
  });

  it('reach every socket that asked, each with its own id, from one shared answer', async () => {
    const sockets = await Promise.all(Array.from({ length: 5 }, () => client()));
    sockets.forEach((c, i) => {
      c.send({ t: 'call', id: 10 + i, method: 'containers.list', args: {} });
      c.send({ t: 'call', id: 20 + i, method: 'containers.list', args: {} });
    });
    for (const [i, c] of sockets.entries()) {
      await c.next((m) => m.id === 20 + i, 'the second answer');
      expect(c.messages.map((m) => m.id)).toEqual([10 + i, 20 + i]);
      for (const m of c.messages) expect((m as { value: unknown[] }).value).toHaveLength(LIST_SIZE);
    }
  });
});
