import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { calls, streams, type StreamEnd } from '../../src-common/contract/index';
import type { EngineStatus } from '../../src-common/models/engine-status';
import { createEngine, type Engine } from '../engine/index';
import { waitFor } from '../test-support/engine-fixtures';
import { dispatchCall, openStream } from './dispatch';
import { createApiHandlers } from './handlers';
import { createSettingsStore } from '../settings/settings-store';
import { TEST_CALLER } from '../test-support/test-caller';

let engine: Engine | undefined;
let dir: string | undefined;
afterEach(async () => {
  await engine?.dispose();
  if (dir) rmSync(dir, { recursive: true, force: true });
  engine = undefined;
  dir = undefined;
});

/** An engine whose socket does not exist: nothing here reaches a real engine. */
function engineWithoutSocket(): { engine: Engine; socket: string } {
  dir = mkdtempSync(join(tmpdir(), 'berth-handlers-'));
  const socket = join(dir, 'missing.sock');
  engine = createEngine({ env: { DOCKER_HOST: `unix://${socket}` }, homeDir: dir, initialBackoffMs: 5000 });
  return { engine, socket };
}

const testHost = async () => {
  const dataDir = dir ?? mkdtempSync(join(tmpdir(), 'berth-handlers-'));
  return {
    mode: 'browser' as const,
    dataDir,
    settings: await createSettingsStore(dataDir),
    offerDownload: async () => ({ kind: 'cancelled' as const }),
  };
};

describe('createApiHandlers', () => {
  it('has exactly one handler per contract call and one opener per stream', async () => {
    const handlers = createApiHandlers(engineWithoutSocket().engine, await testHost());
    expect(Object.keys(handlers.calls).sort()).toEqual(Object.keys(calls).sort());
    expect(Object.keys(handlers.streams).sort()).toEqual(Object.keys(streams).sort());
    for (const fn of [...Object.values(handlers.calls), ...Object.values(handlers.streams)]) expect(fn).toBeTypeOf('function');
  });

  it('streams the engine status at once and then each change', async () => {
    const { engine, socket } = engineWithoutSocket();
    const handlers = createApiHandlers(engine, await testHost());
    const seen: EngineStatus[] = [];
    const ends: StreamEnd[] = [];
    const opened = openStream(handlers, 'engine.status', {}, {
      next: (c) => seen.push(c as EngineStatus),
      end: (e) => ends.push(e),
    }, TEST_CALLER);
    expect(opened.ok).toBe(true);
    expect(seen).toEqual([{ state: 'connecting', endpoint: null }]);
    engine.start();
    const unreachable = await waitFor(() => seen.find((s) => s.state === 'unreachable'), { description: 'unreachable' });
    expect(unreachable).toMatchObject({ endpoint: { display: `unix://${socket}` }, error: `connect ENOENT ${socket}` });
    if (opened.ok) opened.cancel();
    const count = seen.length;
    engine.connection.reconnectNow();
    await waitFor(() => engine.connection.current().state === 'unreachable' && engine.connection.current() !== unreachable);
    expect(seen.length).toBe(count);
  });

  it('fails calls fast with engine-unreachable naming the endpoint while the engine is not there', async () => {
    const { engine, socket } = engineWithoutSocket();
    const handlers = createApiHandlers(engine, await testHost());
    engine.start();
    await waitFor(() => engine.connection.current().state === 'unreachable');
    const started = Date.now();
    const outcome = await dispatchCall(handlers, 'containers.remove', { id: 'web-1', force: false, removeAnonymousVolumes: false }, TEST_CALLER);
    expect(Date.now() - started).toBeLessThan(100);
    expect(outcome).toEqual({
      ok: false,
      error: {
        code: 'engine-unreachable',
        message: `The engine at unix://${socket} is not reachable: connect ENOENT ${socket}`,
        object: `unix://${socket}`,
      },
    });
    expect(await dispatchCall(handlers, 'engine.getStatus', {}, TEST_CALLER)).toMatchObject({ ok: true, value: { state: 'unreachable' } });
  });
});
