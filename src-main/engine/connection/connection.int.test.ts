import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ContainerChange } from '../../../src-common/models/container';
import type { EngineStatus } from '../../../src-common/models/engine-status';
import {
  closeFixtureClient,
  createTestContainer,
  ensureBusyboxImage,
  removeTestContainer,
  waitFor,
} from '../../test-support/engine-fixtures';
import { startUnixSocketProxy, type UnixSocketProxy } from '../../test-support/unix-socket-proxy';
import { createEngine, type Engine } from '../index';

let dir: string;
let socket: string;
let engine: Engine | undefined;
let proxy: UnixSocketProxy | undefined;
const created: string[] = [];

beforeAll(async () => {
  await ensureBusyboxImage();
});

afterEach(async () => {
  await engine?.dispose();
  await proxy?.close();
  engine = undefined;
  proxy = undefined;
  rmSync(dir, { recursive: true, force: true });
});

afterAll(async () => {
  for (const id of created) await removeTestContainer(id);
  closeFixtureClient();
});

function engineAtProxySocket(): { engine: Engine; statuses: EngineStatus[]; changes: ContainerChange[] } {
  dir = mkdtempSync(join(tmpdir(), 'berth-conn-'));
  socket = join(dir, 'engine.sock');
  const e = createEngine({ env: { DOCKER_HOST: `unix://${socket}` }, homeDir: dir, initialBackoffMs: 50, maxBackoffMs: 400 });
  engine = e;
  const statuses: EngineStatus[] = [];
  const changes: ContainerChange[] = [];
  e.connection.onStatus((s) => statuses.push(s));
  e.watcher.subscribe((c) => changes.push(c));
  return { engine: e, statuses, changes };
}

const snapshots = (changes: ContainerChange[]) =>
  changes.filter((c): c is Extract<ContainerChange, { kind: 'snapshot' }> => c.kind === 'snapshot');

describe('engine connection', () => {
  it('is unreachable, with the socket error and a hint, when DOCKER_HOST names a missing socket', async () => {
    const { engine: e, statuses } = engineAtProxySocket();
    e.start();
    const status = await waitFor(() => statuses.find((s) => s.state === 'unreachable'), { description: 'unreachable' });
    expect(status).toMatchObject({
      state: 'unreachable',
      endpoint: { kind: 'unix', address: socket, source: 'DOCKER_HOST', display: `unix://${socket}` },
      error: `connect ENOENT ${socket}`,
      retryInMs: 50,
    });
    if (status.state === 'unreachable') expect(status.hint).toContain('systemctl --user start podman.socket');
    // It keeps trying, further apart each time.
    await waitFor(() => statuses.filter((s) => s.state === 'unreachable').length >= 3);
    const delays = statuses.flatMap((s) => (s.state === 'unreachable' ? [s.retryInMs] : []));
    expect(delays.slice(0, 3)).toEqual([50, 100, 200]);
  });

  it('recovers by itself when the socket appears, and the watcher resyncs', async () => {
    const { engine: e, statuses, changes } = engineAtProxySocket();
    e.start();
    await waitFor(() => statuses.some((s) => s.state === 'unreachable'));
    await expect(e.containers.list()).rejects.toMatchObject({ code: 'engine-unreachable', object: `unix://${socket}` });

    const c = await createTestContainer({ start: false });
    created.push(c.id);
    proxy = await startUnixSocketProxy(socket);
    const connected = await waitFor(() => statuses.find((s) => s.state === 'connected'), {
      timeoutMs: 3000,
      description: 'connected',
    });
    expect(connected).toMatchObject({ endpoint: { address: socket }, engine: { name: 'Docker Engine' } });
    const first = await waitFor(() => snapshots(changes)[0], { description: 'snapshot after recovery' });
    expect(first.containers.some((s) => s.id === c.id)).toBe(true);
    expect((await e.containers.list()).some((s) => s.id === c.id)).toBe(true);
  });

  it('notices the engine going away through the events stream, and resyncs when it is back', async () => {
    const { engine: e, statuses, changes } = engineAtProxySocket();
    proxy = await startUnixSocketProxy(socket);
    e.start();
    await waitFor(() => snapshots(changes).length === 1, { timeoutMs: 3000, description: 'first snapshot' });
    const statusCount = statuses.length;

    await proxy.close();
    proxy = undefined;
    const lost = await waitFor(() => statuses.slice(statusCount).find((s) => s.state === 'unreachable'), {
      timeoutMs: 2000,
      description: 'unreachable after the engine went away',
    });
    expect(lost.state).toBe('unreachable');
    expect(statuses.slice(statusCount)[0]?.state).toBe('connecting');

    // A container appears while Berth cannot see the engine.
    const c = await createTestContainer({ start: false });
    created.push(c.id);
    proxy = await startUnixSocketProxy(socket);
    const second = await waitFor(() => snapshots(changes)[1], { timeoutMs: 3000, description: 'snapshot after return' });
    expect(second.containers.some((s) => s.id === c.id)).toBe(true);
    expect(e.connection.current().state).toBe('connected');
  });

  it('tries again at once on reconnectNow', async () => {
    dir = mkdtempSync(join(tmpdir(), 'berth-conn-'));
    socket = join(dir, 'engine.sock');
    const e = createEngine({ env: { DOCKER_HOST: `unix://${socket}` }, homeDir: dir, initialBackoffMs: 60_000 });
    engine = e;
    e.start();
    await waitFor(() => e.connection.current().state === 'unreachable');
    proxy = await startUnixSocketProxy(socket);
    e.connection.reconnectNow();
    await waitFor(() => e.connection.current().state === 'connected', { timeoutMs: 2000, description: 'connected' });
  });
});
