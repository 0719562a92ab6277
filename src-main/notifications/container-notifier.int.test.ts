import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { EngineEvent } from '../engine/connection/events-hub';
import { createEngine, type Engine } from '../engine/index';
import {
  closeFixtureClient,
  createTestContainer,
  ensureBusyboxImage,
  fixtureClient,
  removeTestContainer,
  waitFor,
} from '../test-support/engine-fixtures';
import { createContainerNotifier, type ContainerNotifier } from './container-notifier';
import type { ContainerNotification } from './rules';

// Notification rules driven by the real engine's events stream. "Nothing was notified"
// is checked without sleeping: the test's own events listener is subscribed after the
// notifier's, and the hub calls listeners in order, so once the test has seen a
// container's `die`, the notifier has already judged it.

const run = promisify(execFile);

let engine: Engine;
const created: string[] = [];
const seen: EngineEvent[] = [];
let stopWatching: () => void = () => {};
let notifier: ContainerNotifier | null = null;
let shown: ContainerNotification[] = [];
let clockOffsetMs = 0;
let enabled = true;

beforeAll(async () => {
  await ensureBusyboxImage();
  engine = createEngine();
  notifier = createContainerNotifier({
    events: engine.events,
    isEnabled: () => enabled,
    show: (n) => shown.push(n),
    now: () => Date.now() + clockOffsetMs,
  });
  stopWatching = engine.events.subscribe({ onEvent: (e) => seen.push(e) });
  engine.start();
  await waitFor(() => engine.connection.current().state === 'connected', { timeoutMs: 15_000, description: 'connected' });
});

afterEach(() => {
  shown = [];
  enabled = true;
});

afterAll(async () => {
  stopWatching();
  notifier?.dispose();
  await engine.dispose();
  for (const id of created) await removeTestContainer(id);
  closeFixtureClient();
});

async function container(options: Parameters<typeof createTestContainer>[0]) {
  const c = await createTestContainer(options);
  created.push(c.id);
  return c;
}

/** Waits until the events stream has delivered the container's n-th `die` (1-based). */
async function dieSeen(id: string, n = 1) {
  await waitFor(() => seen.filter((e) => e.id === id && e.action === 'die').length >= n, {
    timeoutMs: 20_000,
    description: `die #${n} of ${id}`,
  });
}

const exitCodeOf = async (id: string) => (await fixtureClient().inspectContainer({ id })).State?.ExitCode;

const shownFor = (id: string) => shown.filter((n) => n.containerId === id);

/** Exits non-zero on SIGTERM, so a stop that the rules did not recognise would look like a crash. */
const EXIT_3_ON_TERM = ['sh', '-c', 'trap "exit 3" TERM; while :; do sleep 1 & wait $!; done'];

describe('container notifications from real engine events', () => {
  it('notifies when a container exits 1 by itself, with its name', async () => {
    const c = await container({ cmd: ['sh', '-c', 'exit 1'] });
    await dieSeen(c.id);
    expect(shownFor(c.id)).toEqual([
      expect.objectContaining({ containerId: c.id, name: c.name, reason: 'exited', title: `${c.name} exited unexpectedly` }),
    ]);
  });

  it('does not notify when Berth stops a container, even with a non-zero exit code', async () => {
    const c = await container({ cmd: EXIT_3_ON_TERM });
    await engine.containers.stop(c.id, 10);
    await dieSeen(c.id);
    expect(await exitCodeOf(c.id)).toBe(3);
    expect(shownFor(c.id)).toEqual([]);
  });

  it('does not notify when the docker CLI kills a container (exit 137)', async () => {
    const c = await container({});
    await run('docker', ['kill', c.id]);
    await dieSeen(c.id);
    expect(await exitCodeOf(c.id)).toBe(137);
    expect(shownFor(c.id)).toEqual([]);
  });

  it('does not notify when the docker CLI stops a container that exits non-zero on SIGTERM', async () => {
    const c = await container({ cmd: EXIT_3_ON_TERM });
    await run('docker', ['stop', '-t', '10', c.id]);
    await dieSeen(c.id);
    expect(shownFor(c.id)).toEqual([]);
  });

  it('notifies once for two failing exits within a minute, and again once the minute has passed', async () => {
    const c = await container({ cmd: ['sh', '-c', 'exit 2'] });
    await dieSeen(c.id, 1);
    await engine.containers.start(c.id);
    await dieSeen(c.id, 2);
    expect(shownFor(c.id)).toHaveLength(1);
    clockOffsetMs += 61_000;
    await engine.containers.start(c.id);
    await dieSeen(c.id, 3);
    expect(shownFor(c.id)).toHaveLength(2);
  });

  it('stays quiet while notifications are off', async () => {
    enabled = false;
    const c = await container({ cmd: ['sh', '-c', 'exit 1'] });
    await dieSeen(c.id);
    expect(shownFor(c.id)).toEqual([]);
  });

  it('notifies when a container turns unhealthy', async () => {
    const c = await container({
      healthcheck: { Test: ['CMD', 'false'], Interval: 1_000_000_000, Timeout: 1_000_000_000, Retries: 1 },
    });
    await waitFor(() => shownFor(c.id).length > 0, { timeoutMs: 30_000, description: 'the unhealthy notification' });
    expect(shownFor(c.id)).toEqual([expect.objectContaining({ reason: 'unhealthy', title: `${c.name} is unhealthy` })]);
    expect(seen.some((e) => e.id === c.id && e.action === 'health_status: unhealthy')).toBe(true);
  });

  it('the engine names the container in its events (the notification relies on it)', async () => {
    const c = await container({ cmd: ['sh', '-c', 'exit 5'] });
    await dieSeen(c.id);
    const die = seen.find((e) => e.id === c.id && e.action === 'die');
    expect(die?.attributes).toMatchObject({ name: c.name, exitCode: '5' });
    expect(await exitCodeOf(c.id)).toBe(5);
  });
});
