import { describe, expect, it } from 'vitest';
import type { EngineEvent, EventsListener } from '../connection/events-hub';
import { createActivityLog } from './activity-log';

function fakeHub() {
  const listeners = new Set<EventsListener>();
  return {
    subscribe(l: EventsListener) {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    emit(event: Partial<EngineEvent> & Pick<EngineEvent, 'type' | 'action' | 'id'>) {
      for (const l of listeners) l.onEvent?.({ attributes: {}, timeNano: 1_700_000_000_123_456_000, ...event });
    },
    resync() {
      for (const l of listeners) l.onResync?.();
    },
    get size() {
      return listeners.size;
    },
  };
}

describe('activity log', () => {
  it('keeps the newest entries up to its capacity, oldest first, with increasing seq', () => {
    const hub = fakeHub();
    const log = createActivityLog({ events: hub, containerName: () => undefined }, 3);
    for (let i = 0; i < 5; i++) hub.emit({ type: 'container', action: 'start', id: `c${i}`, attributes: { name: `web-${i}` } });
    expect(log.entries().map((e) => [e.seq, e.name])).toEqual([
      [2, 'web-2'],
      [3, 'web-3'],
      [4, 'web-4'],
    ]);
    expect(log.entries()[0]!.time).toBe(1_700_000_000_123);
  });

  it('keeps only the attributes that say something, never the labels', () => {
    const hub = fakeHub();
    const log = createActivityLog({ events: hub, containerName: () => undefined });
    hub.emit({ type: 'container', action: 'die', id: 'c1', attributes: { name: 'web', image: 'busybox', exitCode: '3', 'com.example.secret-ish': 'x' } });
    expect(log.entries()[0]).toMatchObject({ type: 'container', action: 'die', id: 'c1', name: 'web', details: { image: 'busybox', exitCode: '3' } });
    expect(Object.keys(log.entries()[0]!.details)).toEqual(['exitCode', 'image']);
  });

  it('names the container of a network event from the live list, or from the names it has seen', () => {
    const hub = fakeHub();
    const live = new Map([['c1', 'web-1']]);
    const log = createActivityLog({ events: hub, containerName: (id) => live.get(id) });
    hub.emit({ type: 'network', action: 'connect', id: 'n1', attributes: { name: 'app', container: 'c1', type: 'bridge' } });
    hub.emit({ type: 'container', action: 'destroy', id: 'c2', attributes: { name: 'gone-2' } });
    hub.emit({ type: 'network', action: 'disconnect', id: 'n1', attributes: { name: 'app', container: 'c2' } });
    hub.emit({ type: 'network', action: 'disconnect', id: 'n1', attributes: { name: 'app', container: 'c3' } });
    expect(log.entries().filter((e) => e.type === 'network').map((e) => e.details.containerName)).toEqual(['web-1', 'gone-2', undefined]);
  });

  it('leaves out exec and resize chatter and types it does not follow', () => {
    const hub = fakeHub();
    const log = createActivityLog({ events: hub, containerName: () => undefined });
    hub.emit({ type: 'container', action: 'exec_start: sh', id: 'c1' });
    hub.emit({ type: 'container', action: 'resize', id: 'c1' });
    hub.emit({ type: 'daemon', action: 'reload', id: 'd' });
    hub.emit({ type: 'container', action: 'health_status: healthy', id: 'c1', attributes: { name: 'web' } });
    expect(log.entries().map((e) => e.action)).toEqual(['health_status: healthy']);
  });

  it('notes every reconnect after the first (events in between may be missing), and tells subscribers', () => {
    const hub = fakeHub();
    const log = createActivityLog({ events: hub, containerName: () => undefined, now: () => 42 });
    const seen: string[] = [];
    const stop = log.subscribe((entries) => seen.push(...entries.map((e) => `${e.type} ${e.action}`)));
    hub.resync();
    hub.emit({ type: 'image', action: 'tag', id: 'sha256:1', attributes: { name: 'berth/x:1' } });
    hub.resync();
    expect(seen).toEqual(['image tag', 'engine reconnected']);
    expect(log.entries().at(-1)).toMatchObject({ type: 'engine', action: 'reconnected', time: 42 });
    stop();
    log.dispose();
    expect(hub.size).toBe(0);
  });
});
