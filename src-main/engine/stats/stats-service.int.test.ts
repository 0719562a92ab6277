import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StatsSample } from '../../../src-common/models/stats';
import {
  closeFixtureClient,
  createTestContainer,
  ensureBusyboxImage,
  fixtureClient,
  removeTestObjects,
  waitFor,
} from '../../test-support/engine-fixtures';
import { startUnixSocketProxy, type UnixSocketProxy } from '../../test-support/unix-socket-proxy';
import { createEngine, type Engine } from '../index';
import { createStatsService, type StatsService } from './stats-service';

const run = promisify(execFile);
const BUSY = ['sh', '-c', 'while :; do :; done'];
// tail keeps its whole input (no newline in it) and then blocks writing to sleep, which never reads.
const HOLDS_64_MIB = ['sh', '-c', 'head -c 64m /dev/zero | tail | sleep 3600'];
const INTERVAL_MS = 500;

let dir: string;
let proxy: UnixSocketProxy;
let engine: Engine;
let stats: StatsService;

/** `docker stats --no-stream` of one container: CPU % and memory in bytes. */
async function dockerStats(id: string): Promise<{ cpu: number; memory: number }> {
  const { stdout } = await run('docker', ['stats', '--no-stream', '--format', '{{json .}}', id]);
  const row = JSON.parse(stdout) as { CPUPerc: string; MemUsage: string };
  const [used = ''] = row.MemUsage.split(' / ');
  const m = /^([\d.]+)([KMGT]?i?B)$/.exec(used);
  const unit = { B: 1, KiB: 1024, MiB: 1024 ** 2, GiB: 1024 ** 3, TiB: 1024 ** 4 }[m?.[2] ?? 'B'] ?? NaN;
  return { cpu: parseFloat(row.CPUPerc), memory: parseFloat(m?.[1] ?? 'NaN') * unit };
}

const statsRequests = () => proxy.requests.filter((r) => /\/containers\/[^/]+\/stats/.test(r));

beforeAll(async () => {
  await ensureBusyboxImage();
  dir = mkdtempSync(join(tmpdir(), 'berth-stats-'));
  proxy = await startUnixSocketProxy(join(dir, 'engine.sock'));
  engine = createEngine({ env: { DOCKER_HOST: `unix://${proxy.path}` }, homeDir: dir });
  engine.start();
  await waitFor(() => engine.watcher.current(), { timeoutMs: 20_000, description: 'the container list' });
  // The engine's own service runs at 2 s; this one at 0.5 s keeps the test short.
  stats = createStatsService({
    client: () => engine.requireClient(),
    apiVersion: () => {
      const s = engine.connection.current();
      return s.state === 'connected' ? s.engine.apiVersion : undefined;
    },
    containers: engine.watcher,
    intervalMs: INTERVAL_MS,
  });
});

afterAll(async () => {
  stats?.dispose();
  await engine?.dispose();
  await proxy?.close();
  await removeTestObjects();
  closeFixtureClient();
  rmSync(dir, { recursive: true, force: true });
});

function collect(ids: string[], options: { totals?: boolean } = {}) {
  const samples = new Map<string, StatsSample[]>();
  const gone: string[] = [];
  const watch = stats.watch(
    {
      samples: (batch) => batch.forEach((s, id) => samples.set(id, [...(samples.get(id) ?? []), s])),
      gone: (ids) => gone.push(...ids),
    },
    ids,
    options,
  );
  const withCpu = (id: string) => (samples.get(id) ?? []).filter((s) => s.cpuPercent !== null);
  return { samples, gone, watch, withCpu };
}

const inList = (id: string) => () => engine.watcher.current()?.some((c) => c.id === id && c.state === 'running');

describe('stats service against the real engine', () => {
  it('reads a busy container as busy, as docker stats does', async () => {
    const busy = await createTestContainer({ cmd: BUSY });
    const idle = await createTestContainer();
    await waitFor(() => inList(busy.id)() && inList(idle.id)(), { description: 'both containers in the list' });
    const view = collect([busy.id, idle.id]);
    const enough = () => view.withCpu(busy.id).length >= 3 && view.withCpu(idle.id).length >= 3;
    await waitFor(enough, { timeoutMs: 30_000, description: 'three CPU readings of each' });
    const docker = await dockerStats(busy.id);
    const cpu = (id: string) => view.withCpu(id).map((s) => s.cpuPercent ?? 0);
    console.log(`busy loop: Berth ${cpu(busy.id).map((v) => v.toFixed(1)).join(', ')} %, docker stats ${docker.cpu} %; idle: ${cpu(idle.id).map((v) => v.toFixed(2)).join(', ')} %`);
    // The machine is shared, so what a busy loop gets varies: compare, do not time. Berth
    // sees what docker stats sees (within a factor of two), far above an idle container.
    const busiest = Math.max(...cpu(busy.id));
    expect(busiest).toBeGreaterThan(docker.cpu / 2);
    expect(busiest).toBeGreaterThan(10 * Math.max(0.1, ...cpu(idle.id)));
    expect(cpu(busy.id).every((v) => v <= 200.5)).toBe(true); // never above the host's 2 CPUs
    view.watch.close();
  });

  it('reads a container holding 64 MiB within 10 % of docker stats --no-stream', async () => {
    const holder = await createTestContainer({ cmd: HOLDS_64_MIB });
    await waitFor(inList(holder.id), { description: 'the memory container in the list' });
    const view = collect([holder.id]);
    // Until tail has read all 64 MiB the figure climbs: wait for it to settle above 60 MiB.
    const sample = await waitFor(
      () => (view.samples.get(holder.id) ?? []).find((s) => (s.memoryBytes ?? 0) > 60 * 1024 ** 2),
      { timeoutMs: 20_000, description: 'the memory reading' },
    );
    const docker = await dockerStats(holder.id);
    console.log(`64 MiB holder: Berth ${sample.memoryBytes} B, docker stats ${docker.memory} B`);
    expect(Math.abs((sample.memoryBytes ?? 0) - docker.memory) / docker.memory).toBeLessThan(0.1);
    expect(sample.memoryLimitBytes).toBeNull(); // no -m: the engine's limit is the host's memory
    expect(sample.pids).toBeGreaterThanOrEqual(3);
    view.watch.close();
  });

  it('keeps a history, says when a container stops, and forgets it when it is removed', async () => {
    const c = await createTestContainer();
    await waitFor(inList(c.id), { description: 'the container in the list' });
    const view = collect([c.id]);
    await waitFor(() => stats.history(c.id).t.length >= 2, { timeoutMs: 10_000, description: 'two kept readings' });
    const kept = stats.history(c.id);
    expect(kept.t).toEqual([...kept.t].sort((a, b) => a - b));
    expect(kept.memoryBytes.every((v) => v !== null && v > 0)).toBe(true);

    await fixtureClient().killContainer({ id: c.id });
    await waitFor(() => view.gone.includes(c.id), { timeoutMs: 10_000, description: 'the stop reported' });
    expect(stats.history(c.id).t.length).toBeGreaterThanOrEqual(2); // a stopped container's past stays

    await fixtureClient().removeContainer({ id: c.id }, { force: true, removeAnonymousVolumes: true });
    await waitFor(() => stats.history(c.id).t.length === 0, { timeoutMs: 10_000, description: 'the history dropped' });
    view.watch.close();
  });

  it('asks the engine nothing when nobody looks or the window is hidden', async () => {
    const c = await createTestContainer();
    await waitFor(inList(c.id), { description: 'the container in the list' });
    const view = collect([c.id], { totals: true });
    await waitFor(() => (view.samples.get(c.id)?.length ?? 0) >= 2, { timeoutMs: 10_000, description: 'readings' });
    expect(stats.latestTotals()?.running).toBeGreaterThanOrEqual(1);

    stats.setOriginVisible('window', false);
    // A round already under way may finish; then, over three rounds' worth of time, nothing.
    await new Promise((resolve) => setTimeout(resolve, INTERVAL_MS));
    const settled = statsRequests().length;
    await new Promise((resolve) => setTimeout(resolve, INTERVAL_MS * 3));
    expect(statsRequests().length).toBe(settled);

    stats.setOriginVisible('window', true);
    await waitFor(() => statsRequests().length > settled, { description: 'readings again once visible' });

    view.watch.close();
    const closedAt = statsRequests().length;
    await new Promise((resolve) => setTimeout(resolve, INTERVAL_MS * 4));
    expect(statsRequests().length - closedAt).toBeLessThanOrEqual(1); // at most a round already in flight
  });
});
