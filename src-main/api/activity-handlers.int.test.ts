import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StreamSink } from '../../src-common/contract/handlers';
import type { ActivityChunk, ActivityEntry } from '../../src-common/models/activity';
import {
  closeFixtureClient,
  createTestContainer,
  createTestNetwork,
  ensureBusyboxImage,
  fixtureClient,
  removeTestContainer,
  removeTestImage,
  removeTestNetwork,
  removeTestObjects,
  TEST_IMAGE,
  TEST_LABELS,
  uniqueName,
  waitFor,
} from '../test-support/engine-fixtures';
import { createEngine, type Engine } from '../engine/index';
import { createActivityHandlers, SNAPSHOT_BATCH } from './activity-handlers';
import { TEST_CALLER } from '../test-support/test-caller';

function recordingSink() {
  const chunks: ActivityChunk[] = [];
  const sink: StreamSink<ActivityChunk> = { next: (c) => (chunks.push(c), true), end: () => {}, onDrain: () => {}, onInput: () => {} };
  const entries = () => chunks.flatMap((c) => (c.kind === 'events' ? c.entries : []));
  return { sink, chunks, entries };
}

let engine: Engine;
let handlers: ReturnType<typeof createActivityHandlers>;

beforeAll(async () => {
  await ensureBusyboxImage();
  engine = createEngine();
  // Made before the engine starts, as both hosts do: the log sees everything from the first connect.
  handlers = createActivityHandlers(engine);
  engine.start();
  await waitFor(() => engine.watcher.current(), { timeoutMs: 20_000 });
});

afterAll(async () => {
  await engine.dispose();
  await removeTestObjects();
  closeFixtureClient();
});

describe('activity.events against the engine', () => {
  it('logs container, network, image and volume events in words-ready form, and replays them to a later subscriber', async () => {
    const live = recordingSink();
    const stop = handlers.streams['activity.events']({}, live.sink, TEST_CALLER);
    expect(live.chunks[0]).toEqual({ kind: 'reset', capacity: 5000 });

    const net = uniqueName('net');
    const netId = await createTestNetwork(net);
    const c = await createTestContainer({ network: net });
    const tag = `berth-test/activity-${c.id.slice(0, 8)}:1`;
    await fixtureClient().request({ method: 'POST', path: `/images/${encodeURIComponent(TEST_IMAGE)}/tag`, query: { repo: tag.split(':')[0], tag: '1' }, action: 'tag' });
    const volume = uniqueName('vol');
    await fixtureClient().createVolume(volume, { ...TEST_LABELS });
    await fixtureClient().removeVolume(volume);

    const mine = (e: ActivityEntry) => e.id === c.id || e.id === netId || e.id === volume || e.details.name === tag || e.name === tag;
    const seen = await waitFor(
      () => {
        const list = live.entries().filter(mine);
        return list.some((e) => e.type === 'volume' && e.action === 'destroy') && list.some((e) => e.type === 'image') ? list : null;
      },
      { description: 'the events of this test' },
    );
    expect(seen.find((e) => e.type === 'container' && e.action === 'start')).toMatchObject({ name: c.name, details: { image: TEST_IMAGE } });
    expect(seen.find((e) => e.type === 'network' && e.action === 'create')).toMatchObject({ name: net, id: netId });
    expect(seen.find((e) => e.type === 'network' && e.action === 'connect')).toMatchObject({
      name: net,
      details: { container: c.id, containerName: c.name },
    });
    expect(seen.find((e) => e.type === 'image' && e.action === 'tag')).toMatchObject({ name: tag });
    expect(seen.filter((e) => e.type === 'volume').map((e) => e.action)).toEqual(['create', 'destroy']);
    // In the order they happened, without labels.
    const seqs = seen.map((e) => e.seq);
    expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);
    expect(seen.find((e) => e.type === 'container')?.details).not.toHaveProperty('berth.test');

    // A page opened later gets what happened before, in the same order.
    const later = recordingSink();
    const stopLater = handlers.streams['activity.events']({}, later.sink, TEST_CALLER);
    expect(later.chunks[0]).toEqual({ kind: 'reset', capacity: 5000 });
    expect(later.entries().filter(mine)).toEqual(seen);
    expect(later.chunks.every((ch) => ch.kind !== 'events' || ch.entries.length <= SNAPSHOT_BATCH)).toBe(true);

    stop();
    stopLater();
    await removeTestContainer(c.id);
    await removeTestNetwork(netId);
    await removeTestImage(tag);
  });
});
