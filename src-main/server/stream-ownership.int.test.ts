// Two browser-mode connections against the real engine: one opens a terminal, the other
// knows its session id (ids appear in the UI and could leak) and its stream id, and
// tries to resize, type into and close it. None of it may reach the first one's session.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { BinaryKind, decodeBinaryFrame, encodeBinaryFrame } from '../../src-common/contract/index';
import { createApiHandlers } from '../api/handlers';
import { createEngine, type Engine } from '../engine/index';
import { createSettingsStore } from '../settings/settings-store';
import { closeFixtureClient, createTestContainer, removeTestContainer, waitFor } from '../test-support/engine-fixtures';
import { startServer, type RunningServer } from './http-server';

const TOKEN = 'ownership-test-token-0123456789abcdef';

interface RawClient {
  json: { t: string; id?: number; [k: string]: unknown }[];
  text(): string;
  send(message: unknown): void;
  input(id: number, text: string): void;
  close(): void;
}

async function connect(port: number): Promise<RawClient> {
  const host = `127.0.0.1:${port}`;
  const ws = new WebSocket(`ws://${host}/api/ws`, { origin: `http://${host}` });
  const json: RawClient['json'] = [];
  const bytes: Buffer[] = [];
  ws.on('message', (data: Buffer, isBinary: boolean) => {
    if (!isBinary) return void json.push(JSON.parse(data.toString('utf8')) as RawClient['json'][number]);
    const frame = decodeBinaryFrame(new Uint8Array(data));
    if (frame) bytes.push(Buffer.from(frame.payload));
  });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  ws.send(JSON.stringify({ t: 'auth', token: TOKEN }));
  await waitFor(() => json.some((m) => m.t === 'ready'), { description: 'ready' });
  return {
    json,
    text: () => Buffer.concat(bytes).toString('utf8'),
    send: (m) => ws.send(JSON.stringify(m)),
    input: (id, text) => ws.send(encodeBinaryFrame(BinaryKind.streamInput, id, Buffer.from(text))),
    close: () => ws.terminate(),
  };
}

describe('a terminal session belongs to the connection that opened it', () => {
  let dir: string;
  let engine: Engine;
  let server: RunningServer;
  let containerId: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'berth-ownership-'));
    containerId = (await createTestContainer()).id;
    engine = createEngine();
    engine.start();
    await waitFor(() => engine.connection.current().state === 'connected', { description: 'the engine' });
    const host = {
      mode: 'browser' as const,
      dataDir: dir,
      settings: await createSettingsStore(dir),
      offerDownload: async () => ({ kind: 'cancelled' as const }),
    };
    server = await startServer({ handlers: createApiHandlers(engine, host), token: TOKEN, host: '127.0.0.1', port: 0, staticDir: dir, log: () => {} });
  });

  afterAll(async () => {
    await server?.close();
    await engine?.dispose();
    await removeTestContainer(containerId);
    closeFixtureClient();
    rmSync(dir, { recursive: true, force: true });
  });

  it("refuses another connection's resize, input and cancel; the owner's still work", async () => {
    const a = await connect(server.port);
    const b = await connect(server.port);
    try {
      a.send({ t: 'subscribe', id: 7, stream: 'terminal.session', args: { containerId, mode: 'exec', command: 'sh', cols: 80, rows: 24 } });
      const started = await waitFor(() => a.json.find((m) => m.id === 7 && (m['chunk'] as { kind?: string })?.kind === 'started'), {
        description: 'the session to start',
      });
      const sessionId = (started['chunk'] as { sessionId: string }).sessionId;

      b.send({ t: 'call', id: 1, method: 'terminal.resize', args: { sessionId, cols: 33, rows: 11 } });
      const answer = await waitFor(() => b.json.find((m) => m.id === 1), { description: "B's answer" });
      expect(answer).toMatchObject({ t: 'result', ok: false, error: { code: 'not-found' } });

      // B's stream ids are its own: the same id on B is no stream at all.
      b.input(7, 'echo from-b\n');
      b.send({ t: 'unsubscribe', id: 7 });

      a.send({ t: 'call', id: 2, method: 'terminal.resize', args: { sessionId, cols: 120, rows: 40 } });
      expect(await waitFor(() => a.json.find((m) => m.id === 2), { description: "A's answer" })).toMatchObject({ ok: true });
      a.input(7, 'stty size; echo marker-$((40+2))\n');
      await waitFor(() => a.text().includes('marker-42'), { description: "A's shell to answer" });
      expect(a.text()).toMatch(/40 120/);
      expect(a.text()).not.toContain('from-b');
      expect(a.json.some((m) => m.id === 7 && m.t === 'end')).toBe(false);
    } finally {
      a.close();
      b.close();
    }
  });
});
