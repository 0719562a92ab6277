import { describe, expect, it } from 'vitest';
import type { ContainerChange } from '../../../src-common/models/container';
import type { DockerClient } from '../connection/docker-client';
import type { RawContainerSummary } from '../connection/engine-types';
import type { EventsHub, EventsListener } from '../connection/events-hub';
import { createContainerWatcher } from './container-watcher';

function rig(list: RawContainerSummary[]) {
  let hubListener: EventsListener = {};
  const hub: EventsHub = {
    subscribe(listener) {
      hubListener = listener;
      return () => {};
    },
    resync() {
      hubListener.onResync?.();
    },
    dispose() {},
  };
  const client = { listContainers: () => Promise.resolve(list) } as unknown as DockerClient;
  let live = true;
  const watcher = createContainerWatcher(hub, () => client, () => live);
  return {
    watcher,
    resync: async () => {
      hubListener.onResync?.();
      await new Promise((r) => setTimeout(r, 0));
    },
    setLive: (v: boolean) => (live = v),
    event: (action: string, id: string) => hubListener.onEvent?.({ type: 'container', action, id, attributes: {}, timeNano: Date.now() * 1e6 }),
  };
}

const raw: RawContainerSummary = { Id: 'a'.repeat(64), Names: ['/web-1'], State: 'running', Status: 'Up 44 seconds', Created: 1 };

describe('container watcher', () => {
  it('gives every new view the same snapshot object until the list changes (its check and JSON are then made once)', async () => {
    const other: RawContainerSummary = { ...raw, Id: 'b'.repeat(64), Names: ['/web-2'] };
    const r = rig([raw, other]);
    await r.resync();
    const seen: ContainerChange[] = [];
    r.watcher.subscribe((c) => seen.push(c));
    r.watcher.subscribe((c) => seen.push(c));
    expect(seen).toHaveLength(2);
    expect(seen[1]).toBe(seen[0]);
    expect(Object.isFrozen(seen[0])).toBe(true);

    r.event('destroy', other.Id);
    const after: ContainerChange[] = [];
    r.watcher.subscribe((c) => after.push(c));
    expect(after[0]).not.toBe(seen[0]);
    expect(after[0]).toMatchObject({ kind: 'snapshot', containers: [{ name: 'web-1' }] });
    expect(after[0]?.kind === 'snapshot' && after[0].containers).toHaveLength(1);
    r.watcher.dispose();
  });

  it('gives a new view the list while the engine is there, and nothing once it is gone (a reload must not show history as live)', async () => {
    const r = rig([raw]);
    await r.resync();
    const live: ContainerChange[] = [];
    r.watcher.subscribe((c) => live.push(c));
    expect(live.map((c) => c.kind)).toEqual(['snapshot']);

    r.setLive(false);
    const afterLoss: ContainerChange[] = [];
    r.watcher.subscribe((c) => afterLoss.push(c));
    expect(afterLoss).toEqual([]);

    r.setLive(true);
    await r.resync();
    expect(afterLoss.map((c) => c.kind)).toEqual(['snapshot']);
    r.watcher.dispose();
  });

  it("carries the start time the status text implies, read when the list arrived", async () => {
    const r = rig([raw]);
    const before = Date.now();
    await r.resync();
    const c = r.watcher.current()![0]!;
    expect(c.startedAt).toBeGreaterThanOrEqual(before - 45_000);
    expect(c.startedAt).toBeLessThanOrEqual(Date.now() - 44_000);
    r.watcher.dispose();
  });
});
