import { describe, expect, it } from 'vitest';
import type { NetworkChange } from '../../../src-common/models/networks';
import type { DockerClient, EngineRequest } from '../connection/docker-client';
import type { EngineEvent, EventsListener } from '../connection/events-hub';
import { createNetworksWatcher } from './networks-watcher';
import type { RawNetwork } from './networks-types';

const ID = (c: string) => c.repeat(64);

/** A client whose answers the test releases by hand, so the order of events and answers is the test's. */
function setup(initial: string[]) {
  const requests: string[] = [];
  const engine = new Map<string, RawNetwork>(initial.map((c) => [ID(c), { Id: ID(c), Name: `net-${c}`, Driver: 'bridge' }]));
  const held: (() => void)[] = [];
  let hold = false;
  const client = {
    request: (req: EngineRequest) => {
      requests.push(req.path);
      const answer = () => {
        if (req.path === '/networks') return [...engine.values()];
        const found = engine.get(decodeURIComponent(req.path.split('/')[2]!));
        if (!found) throw Object.assign(new Error('no such network'), { code: 'not-found' });
        return found;
      };
      // The engine answers as things are when it is asked; the answer may arrive later.
      let value: unknown;
      let error: unknown = null;
      try {
        value = answer();
      } catch (err) {
        error = err;
      }
      const deliver = () => (error ? Promise.reject(error) : Promise.resolve(value));
      if (!hold) return deliver();
      return new Promise((resolve, reject) => held.push(() => deliver().then(resolve, reject)));
    },
  } as unknown as DockerClient;
  let events: EventsListener = {};
  const changes: NetworkChange[] = [];
  const watcher = createNetworksWatcher({ events: { subscribe: (l) => ((events = l), () => {}) }, getClient: () => client });
  watcher.subscribe((c) => changes.push(c));
  return {
    requests,
    engine,
    changes,
    watcher,
    event: (action: string, c: string, attributes: Record<string, string> = action.endsWith('connect') ? { container: ID('f') } : {}) =>
      events.onEvent?.({ type: 'network', action, id: ID(c), attributes, timeNano: 0 } as EngineEvent),
    containerEvent: (action: string, id: string) => events.onEvent?.({ type: 'container', action, id, attributes: {}, timeNano: 0 }),
    resync: () => events.onResync?.(),
    hold: (on: boolean) => (hold = on),
    release: async () => {
      while (held.length) held.shift()!();
      await settle();
    },
  };
}

const settle = async () => {
  for (let i = 0; i < 10; i++) await new Promise((r) => setTimeout(r, 0));
};

describe('networks watcher', () => {
  it('lists, then inspects every network once for the snapshot (the list has no containers)', async () => {
    const w = setup(['a', 'b']);
    await settle();
    expect(w.requests).toEqual(['/networks', `/networks/${ID('a')}`, `/networks/${ID('b')}`]);
    expect(w.changes).toEqual([{ kind: 'snapshot', networks: [expect.objectContaining({ name: 'net-a' }), expect.objectContaining({ name: 'net-b' })] }]);
  });

  it('asks about one network per event, coalesces a burst to one more request, removes on destroy without one', async () => {
    const w = setup(['a']);
    await settle();
    w.requests.length = 0;
    w.engine.set(ID('a'), { ...w.engine.get(ID('a'))!, Containers: { c1: { Name: 'web-1', IPv4Address: '10.0.0.2/24' } } });
    w.hold(true);
    for (let i = 0; i < 5; i++) w.event('connect', 'a');
    await w.release();
    await w.release();
    expect(w.requests).toEqual([`/networks/${ID('a')}`, `/networks/${ID('a')}`]);
    expect(w.changes.at(-1)).toMatchObject({ kind: 'upsert', network: { endpoints: [{ containerId: 'c1', name: 'web-1', ipv4Address: '10.0.0.2/24' }] } });
    w.requests.length = 0;
    w.event('destroy', 'a');
    expect(w.requests).toEqual([]);
    expect(w.changes.at(-1)).toEqual({ kind: 'remove', id: ID('a') });
  });

  it('drops an answer that started before a destroy, and a network destroyed while a resync ran', async () => {
    const w = setup(['a', 'b']);
    await settle();
    w.hold(true);
    w.event('connect', 'a');
    w.engine.delete(ID('a'));
    w.event('destroy', 'a');
    await w.release();
    expect(w.watcher.current()?.map((n) => n.name)).toEqual(['net-b']);

    w.resync();
    await settle();
    w.engine.delete(ID('b'));
    w.event('destroy', 'b');
    w.event('create', 'c');
    w.engine.set(ID('c'), { Id: ID('c'), Name: 'net-c' });
    await w.release();
    await w.release();
    await w.release();
    expect(w.watcher.current()?.map((n) => n.name).sort()).toEqual(['net-c']);
    expect(w.changes.filter((c) => c.kind === 'snapshot')).toHaveLength(2);
  });

  it('on an engine that sends connect before start (Docker), container events ask nothing', async () => {
    const w = setup(['a']);
    await settle();
    w.requests.length = 0;
    w.event('connect', 'a', { container: 'c1' });
    w.containerEvent('start', 'c1');
    await new Promise((r) => setTimeout(r, 300));
    w.containerEvent('die', 'c1');
    await new Promise((r) => setTimeout(r, 300));
    expect(w.requests).toEqual([`/networks/${ID('a')}`]);
  });

  it('notices an engine whose events leave network changes out (Podman) and lists again after container events, once per burst', async () => {
    const w = setup(['a']);
    await settle();
    w.requests.length = 0;
    // A start with no connect before it: the engine does not say which networks changed.
    w.engine.set(ID('b'), { Id: ID('b'), Name: 'net-b' });
    w.containerEvent('start', 'c1');
    w.containerEvent('start', 'c2');
    await new Promise((r) => setTimeout(r, 300));
    await settle();
    expect(w.requests.filter((p) => p === '/networks')).toHaveLength(1);
    expect(w.watcher.current()?.map((n) => n.name).sort()).toEqual(['net-a', 'net-b']);
    // A disconnect naming only the container (Podman's shape) also lists again.
    w.requests.length = 0;
    w.event('disconnect', 'c1', { name: 'web-1' });
    await new Promise((r) => setTimeout(r, 300));
    await settle();
    expect(w.requests[0]).toBe('/networks');
  });

  it("shows Berth's own removal at once, without an event", async () => {
    const w = setup(['a', 'b']);
    await settle();
    w.watcher.removed(ID('a'));
    expect(w.watcher.current()?.map((n) => n.name)).toEqual(['net-b']);
  });
});
