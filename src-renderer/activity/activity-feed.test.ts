import { describe, expect, it } from 'vitest';
import type { ActivityEntry } from '../../src-common/models/activity';
import { ACTIVITY_TYPES, ActivityFeed } from './activity-feed';
import { describeEvent } from './activity-words';

let seq = 0;
const entry = (patch: Partial<ActivityEntry> & Pick<ActivityEntry, 'type' | 'action'>): ActivityEntry => ({
  seq: seq++,
  time: 0,
  id: 'x',
  name: '',
  details: {},
  ...patch,
});
const all = { types: new Set(ACTIVITY_TYPES), text: '' };

describe('activity feed', () => {
  it('starts over on reset, keeps at most the capacity, newest first', () => {
    const feed = new ActivityFeed();
    let notified = 0;
    feed.subscribe(() => notified++);
    feed.apply({ kind: 'reset', capacity: 3 });
    feed.apply({ kind: 'events', entries: [1, 2, 3, 4].map((i) => entry({ type: 'container', action: 'start', name: `c${i}` })) });
    feed.apply({ kind: 'events', entries: [entry({ type: 'container', action: 'stop', name: 'c5' })] });
    expect(feed.view(all).map((e) => e.name)).toEqual(['c5', 'c4', 'c3']);
    expect(notified).toBe(3);
    feed.apply({ kind: 'reset', capacity: 3 });
    expect(feed.size).toBe(0);
  });

  it('filters by type and by name, id prefix or the container of a network event; engine notes always show', () => {
    const feed = new ActivityFeed();
    feed.apply({ kind: 'reset', capacity: 100 });
    feed.apply({
      kind: 'events',
      entries: [
        entry({ type: 'container', action: 'start', id: 'abc123', name: 'web-1' }),
        entry({ type: 'image', action: 'tag', id: 'sha256:def456', name: 'berth/x:1' }),
        entry({ type: 'network', action: 'connect', id: 'n1', name: 'app', details: { container: 'abc123', containerName: 'web-1' } }),
        entry({ type: 'engine', action: 'reconnected' }),
      ],
    });
    const names = (types: string[], text = '') => feed.view({ types: new Set(types as never), text }).map((e) => e.name || e.type);
    expect(names(['network'])).toEqual(['engine', 'app']);
    expect(names([...ACTIVITY_TYPES], 'WEB')).toEqual(['app', 'web-1']);
    expect(names([...ACTIVITY_TYPES], 'def4')).toEqual(['berth/x:1']);
    expect(names(['container'], 'abc')).toEqual(['web-1']);
  });
});

describe('events in words', () => {
  it.each([
    [{ type: 'container', action: 'start', name: 'web-1' }, 'Container web-1 started'],
    [{ type: 'container', action: 'die', name: 'web-1', details: { exitCode: '3' } }, 'Container web-1 exited with code 3'],
    [{ type: 'container', action: 'kill', name: 'web-1', details: { signal: '15' } }, 'Container web-1 received SIGTERM'],
    [{ type: 'container', action: 'rename', name: 'web-2', details: { oldName: '/web-1' } }, 'Container web-2 renamed from web-1'],
    [{ type: 'container', action: 'health_status: unhealthy', name: 'db' }, 'Container db is unhealthy'],
    [{ type: 'container', action: 'destroy', name: 'web-1' }, 'Container web-1 removed'],
    [{ type: 'image', action: 'tag', id: 'sha256:' + 'a'.repeat(64), name: 'berth/x:1' }, 'Image berth/x:1 tagged'],
    [{ type: 'image', action: 'delete', id: 'sha256:' + 'b'.repeat(64), name: 'sha256:' + 'b'.repeat(64) }, 'Image bbbbbbbbbbbb deleted'],
    [{ type: 'network', action: 'connect', name: 'n1', details: { container: 'c'.repeat(64), containerName: 'web-1' } }, 'Network n1: container web-1 connected'],
    [{ type: 'network', action: 'disconnect', name: 'n1', details: { container: 'c'.repeat(64) } }, 'Network n1: container cccccccccccc disconnected'],
    [{ type: 'network', action: 'create', name: 'n1' }, 'Network n1 created'],
    [{ type: 'volume', action: 'mount', id: 'data', details: { container: 'c1', containerName: 'web-1' } }, 'Volume data mounted by web-1'],
    [{ type: 'volume', action: 'destroy', id: 'data' }, 'Volume data removed'],
    [{ type: 'volume', action: 'something-new', id: 'data' }, 'Volume data: something-new'],
  ] as const)('%j → %s', (patch, words) => expect(describeEvent(entry(patch as never))).toBe(words));

  it('says what a reconnect means', () => {
    expect(describeEvent(entry({ type: 'engine', action: 'reconnected' }))).toMatch(/events while it was away are not listed/);
  });
});
