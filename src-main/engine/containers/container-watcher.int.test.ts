import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ContainerChange } from '../../../src-common/models/container';
import {
  closeFixtureClient,
  createTestContainer,
  ensureBusyboxImage,
  fixtureClient,
  removeTestContainer,
  waitFor,
} from '../../test-support/engine-fixtures';
import { createEngine, type Engine } from '../index';
import { createConnection } from '../connection/connection';
import { createContainerWatcher, FULL_LIST_ABOVE_IDS, MIN_BATCH_INTERVAL_MS } from './container-watcher';
import { createDockerClient, type DockerClient } from '../connection/docker-client';
import { resolveEndpoint } from '../connection/endpoint';
import type { EngineFilters } from '../connection/engine-types';
import { createEventsHub, type EventsListener, type EventsHub } from '../connection/events-hub';

let engine: Engine;
const changes: ContainerChange[] = [];
let unsubscribe: () => void;
const created: string[] = [];

beforeAll(async () => {
  await ensureBusyboxImage();
  engine = createEngine();
  engine.start();
  unsubscribe = engine.watcher.subscribe((c) => changes.push(c));
  await waitFor(() => changes.some((c) => c.kind === 'snapshot'), { timeoutMs: 10_000, description: 'first snapshot' });
});

afterAll(async () => {
  unsubscribe();
  await engine.dispose();
  for (const id of created) await removeTestContainer(id);
  closeFixtureClient();
});

const upsertsFor = (id: string) =>
  changes.filter((c): c is Extract<ContainerChange, { kind: 'upsert' }> => c.kind === 'upsert' && c.container.id === id);

describe('container watcher against the real engine', () => {
  it('hands a new subscriber the snapshot at once', () => {
    const late: ContainerChange[] = [];
    const off = engine.watcher.subscribe((c) => late.push(c));
    off();
    expect(late).toHaveLength(1);
    expect(late[0]?.kind).toBe('snapshot');
  });

  it('emits an upsert within 1 s of a container being created and started outside Berth', async () => {
    const client = fixtureClient();
    const before = Date.now();
    const c = await createTestContainer({ start: false }, client);
    created.push(c.id);
    const createdRow = await waitFor(() => upsertsFor(c.id).at(-1), { timeoutMs: 1000, description: 'upsert after create' });
    expect(createdRow.container).toMatchObject({ name: c.name, state: 'created' });

    await client.startContainer({ id: c.id });
    const running = await waitFor(() => upsertsFor(c.id).find((u) => u.container.state === 'running'), {
      timeoutMs: 1000,
      description: 'upsert after start',
    });
    expect(running.container.status).toMatch(/^Up/);
    expect(Date.now() - before).toBeLessThan(5000);
    expect(engine.watcher.current()?.find((s) => s.id === c.id)?.state).toBe('running');
  });

  it('emits a remove when the container is removed outside Berth', async () => {
    const c = await createTestContainer();
    created.push(c.id);
    await waitFor(() => engine.watcher.current()?.some((s) => s.id === c.id), { timeoutMs: 1000 });
    await fixtureClient().removeContainer({ id: c.id }, { force: true, removeAnonymousVolumes: true });
    await waitFor(() => changes.some((ch) => ch.kind === 'remove' && ch.id === c.id), {
      timeoutMs: 1000,
      description: 'remove',
    });
    expect(engine.watcher.current()?.some((s) => s.id === c.id)).toBe(false);
  });

  it('follows a burst of pause/unpause to the final state, with at most one upsert per event', async () => {
    const c = await createTestContainer();
    created.push(c.id);
    const client = fixtureClient();
    await waitFor(() => upsertsFor(c.id).some((u) => u.container.state === 'running'), { timeoutMs: 1000 });
    const countBefore = upsertsFor(c.id).length;
    // pause, unpause, … and a last pause: eleven events in quick succession, ending in a
    // state the container was not in before, so the final upsert can only come from the burst.
    for (let i = 0; i < 5; i++) {
      await client.pauseContainer({ id: c.id });
      await client.unpauseContainer({ id: c.id });
    }
    await client.pauseContainer({ id: c.id });
    await waitFor(() => upsertsFor(c.id).at(-1)?.container.state === 'paused', { timeoutMs: 2000 });
    const upserts = upsertsFor(c.id).length - countBefore;
    // Each upsert is a real change (identical rows are not re-sent), and never more than one per event.
    expect(upserts).toBeGreaterThan(0);
    expect(upserts).toBeLessThanOrEqual(11);
    expect(engine.watcher.current()?.find((s) => s.id === c.id)?.state).toBe('paused');
  });

  it('coalesces a burst for one id: one refresh for events at once, one more for events during it', async () => {
    const c = await createTestContainer();
    created.push(c.id);
    const rig = await handDrivenWatcher();
    // Twenty events in one go (one chunk of the events stream): one request.
    for (let i = 0; i < 20; i++) rig.send('update', c.id);
    await waitFor(() => rig.answered() === 1, { description: 'the first refresh' });
    await settled();
    expect(rig.requests()).toHaveLength(1);

    // Twenty more while that request is held in flight: exactly one more request.
    rig.hold();
    rig.send('update', c.id);
    await waitFor(() => rig.requests().length === 2, { description: 'the second refresh to start' });
    for (let i = 0; i < 20; i++) rig.send('update', c.id);
    rig.release();
    await waitFor(() => rig.answered() === 3, { description: 'the third refresh' });
    await settled();
    expect(rig.requests()).toHaveLength(3);
    expect(rig.requests()[2]).toEqual({ id: [c.id] });
    rig.dispose();
  });

  it('refreshes the containers of a burst with one request naming them all, and removes the ones absent', async () => {
    const [a, b, gone] = await Promise.all([createTestContainer(), createTestContainer(), createTestContainer()]);
    created.push(a.id, b.id, gone.id);
    const rig = await handDrivenWatcher();
    const client = fixtureClient();
    // The hand-driven hub hears of none of this until told.
    await Promise.all([client.pauseContainer(a), client.stopContainer(b, 0), removeTestContainer(gone.id)]);
    rig.send('pause', a.id);
    rig.send('die', b.id);
    rig.send('die', gone.id);
    await waitFor(() => rig.seen.some((ch) => ch.kind === 'remove' && ch.id === gone.id), { description: 'the remove' });
    await waitFor(() => rig.watcher.current()?.find((s) => s.id === b.id)?.state === 'exited');
    // One request for the three (a stale answer would add a retry for that id alone).
    expect(new Set(rig.requests()[0]?.id)).toEqual(new Set([a.id, b.id, gone.id]));
    expect(rig.requests().slice(1).every((f) => f?.id?.length === 1)).toBe(true);
    expect(rig.watcher.current()?.find((s) => s.id === a.id)?.state).toBe('paused');
    expect(rig.seen.filter((ch) => ch.kind === 'snapshot')).toHaveLength(1);
    rig.dispose();
  });

  it(`asks for the whole list instead of more than ${FULL_LIST_ABOVE_IDS} ids, and emits changes only for those ids`, async () => {
    const [touched, untouched] = await Promise.all([createTestContainer(), createTestContainer()]);
    created.push(touched.id, untouched.id);
    const rig = await handDrivenWatcher();
    const client = fixtureClient();
    await Promise.all([client.stopContainer(touched, 0), client.stopContainer(untouched, 0)]);
    const unknown = Array.from({ length: FULL_LIST_ABOVE_IDS }, (_, i) => i.toString(16).padStart(64, 'f'));
    for (const id of [touched.id, ...unknown]) rig.send('die', id);
    await waitFor(() => rig.watcher.current()?.find((s) => s.id === touched.id)?.state === 'exited', {
      description: 'the stopped container',
    });
    expect(rig.requests()[0]).toBeUndefined();
    expect(rig.requests().length).toBeGreaterThan(0);
    // No snapshot, and the container no event named keeps its old row until its event comes.
    expect(rig.seen.filter((ch) => ch.kind === 'snapshot')).toHaveLength(1);
    expect(rig.watcher.current()?.find((s) => s.id === untouched.id)?.state).toBe('running');
    rig.dispose();
  });

  it('refreshes a lone event at once, and paces the next batch of a burst', async () => {
    const [first, second] = await Promise.all([createTestContainer(), createTestContainer()]);
    created.push(first.id, second.id);
    const rig = await handDrivenWatcher();
    // Idle since the snapshot (over MIN_BATCH_INTERVAL_MS ago by the time we send), so no wait.
    await new Promise((resolve) => setTimeout(resolve, MIN_BATCH_INTERVAL_MS));
    const sentAt = Date.now();
    rig.send('pause', first.id);
    await waitFor(() => rig.answered() === 1, { description: 'the first batch' });
    expect(rig.requestTimes()[0]! - sentAt).toBeLessThan(MIN_BATCH_INTERVAL_MS / 2);
    rig.send('pause', second.id);
    await waitFor(() => rig.answered() === 2, { description: 'the paced batch' });
    const [a, b] = rig.requestTimes();
    expect(b! - a!).toBeGreaterThanOrEqual(MIN_BATCH_INTERVAL_MS - 1);
    rig.dispose();
  });

  it('keeps up with 100 containers created in parallel outside Berth, in far fewer than 100 requests', async () => {
    const counted = countedEngineWatcher();
    try {
      await waitFor(() => counted.watcher.current(), { timeoutMs: 10_000, description: 'first snapshot' });
      const before = counted.lists();
      const started = Date.now();
      let lastCreated = 0;
      const made = await Promise.all(
        Array.from({ length: 100 }, async () => {
          const c = await createTestContainer({ start: false });
          created.push(c.id);
          lastCreated = Math.max(lastCreated, Date.now());
          return c;
        }),
      );
      const ids = new Set(made.map((c) => c.id));
      await waitFor(() => (counted.watcher.current() ?? []).filter((s) => ids.has(s.id)).length === 100, {
        timeoutMs: 60_000,
        description: 'all 100 in the watcher',
      });
      const caughtUp = Date.now();
      expect(caughtUp - lastCreated).toBeLessThan(3000);
      const lists = counted.lists() - before;
      // Paced batches: however long the engine takes to create them, the request count
      // is bounded by time, never by the number of containers.
      expect(lists).toBeLessThanOrEqual(Math.ceil((caughtUp - started) / MIN_BATCH_INTERVAL_MS) + 1);
      expect(lists).toBeLessThan(50);
    } finally {
      counted.dispose();
    }
  });
});

/** Lets pending microtasks and I/O callbacks run, so a request that would follow has started. */
const settled = () => new Promise((resolve) => setTimeout(resolve, 50));

/**
 * A watcher on the real engine behind a request recorder, with a hand-driven hub in place
 * of the events stream; `hold` keeps the next list requests in flight until `release`.
 */
async function handDrivenWatcher() {
  const real = fixtureClient();
  const requests: (EngineFilters | undefined)[] = [];
  const requestTimes: number[] = [];
  let answered = 0;
  let gate: Promise<void> | null = null;
  let open = () => {};
  const recording: DockerClient = {
    ...real,
    listContainers: async (filters) => {
      requests.push(filters);
      requestTimes.push(Date.now());
      if (gate) await gate;
      const result = await real.listContainers(filters);
      answered += 1;
      return result;
    },
  };
  let listener: EventsListener = {};
  const hub: EventsHub = { subscribe: (l) => ((listener = l), () => {}), resync: () => {}, dispose: () => {} };
  const watcher = createContainerWatcher(hub, () => recording);
  const seen: ContainerChange[] = [];
  watcher.subscribe((ch) => seen.push(ch));
  listener.onResync?.();
  await waitFor(() => seen.some((ch) => ch.kind === 'snapshot'));
  requests.length = 0;
  requestTimes.length = 0;
  answered = 0;
  let time = 0;
  return {
    watcher,
    seen,
    requests: () => requests,
    requestTimes: () => requestTimes,
    answered: () => answered,
    send: (action: string, id: string) =>
      listener.onEvent?.({ type: 'container', action, id, attributes: {}, timeNano: (time += 1) }),
    hold: () => (gate = new Promise<void>((resolve) => (open = resolve))),
    release: () => ((gate = null), open()),
    dispose: () => watcher.dispose(),
  };
}

/** The watcher wired as in the app (connection → events stream → watcher), counting its list requests. */
function countedEngineWatcher() {
  let lists = 0;
  const connection = createConnection({
    resolve: () => resolveEndpoint(),
    createClient: (resolved) => {
      const real = createDockerClient(resolved);
      return { ...real, listContainers: (filters) => ((lists += 1), real.listContainers(filters)) };
    },
  });
  const hub = createEventsHub(connection, ['container']);
  const watcher = createContainerWatcher(hub, () => connection.client());
  connection.start();
  return {
    watcher,
    lists: () => lists,
    dispose() {
      watcher.dispose();
      hub.dispose();
      connection.client()?.close();
      connection.dispose();
    },
  };
}
