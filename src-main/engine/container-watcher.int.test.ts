import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ContainerChange } from '../../src-common/models/container';
import {
  closeFixtureClient,
  createTestContainer,
  ensureBusyboxImage,
  fixtureClient,
  removeTestContainer,
  waitFor,
} from '../test-support/engine-fixtures';
import { createEngine, type Engine } from './index';
import { createContainerWatcher } from './container-watcher';
import type { DockerClient } from './docker-client';
import type { EventsListener, EventsHub } from './events-hub';

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

  it('coalesces a burst of events for one id into one refresh plus one more', async () => {
    const c = await createTestContainer();
    created.push(c.id);
    // The real engine behind a counter, and a hand-driven hub in place of the events stream.
    const real = fixtureClient();
    let lists = 0;
    let answered = 0;
    const counting: DockerClient = {
      ...real,
      listContainers: async (filters) => {
        lists += 1;
        const result = await real.listContainers(filters);
        answered += 1;
        return result;
      },
    };
    let listener: EventsListener = {};
    const hub: EventsHub = {
      subscribe: (l) => ((listener = l), () => {}),
      dispose: () => {},
    };
    const watcher = createContainerWatcher(hub, () => counting);
    const seen: ContainerChange[] = [];
    watcher.subscribe((ch) => seen.push(ch));
    listener.onResync?.();
    await waitFor(() => seen.some((ch) => ch.kind === 'snapshot'));
    lists = 0;
    answered = 0;
    for (let i = 0; i < 20; i++) {
      listener.onEvent?.({ type: 'container', action: 'update', id: c.id, attributes: {}, timeNano: i });
    }
    await waitFor(() => answered === 2, { description: 'the second refresh' });
    // A third refresh would start as soon as the second is handled; let that happen if it would.
    await new Promise((resolve) => setImmediate(resolve));
    expect(lists).toBe(2);
    watcher.dispose();
  });
});
