import { describe, expect, it } from 'vitest';
import type { ContainerChange, ContainerSummary } from '../../../src-common/models/container';
import type { ImageChange } from '../../../src-common/models/images';
import type { DockerClient, EngineRequest } from '../connection/docker-client';
import type { EventsListener } from '../connection/events-hub';
import { createImagesWatcher } from './images-watcher';

const ID = (c: string) => `sha256:${c.repeat(64)}`;

function setup() {
  const requests: EngineRequest[] = [];
  const inspects = new Map<string, unknown>();
  const client = {
    request: async (req: EngineRequest) => {
      requests.push(req);
      if (req.path === '/images/json') return [{ Id: ID('a'), RepoTags: ['a:1'], Created: 1, Size: 10, ParentId: '' }];
      const ref = decodeURIComponent(req.path.split('/')[2]!);
      const found = inspects.get(ref);
      if (!found) throw Object.assign(new Error('no such image'), { code: 'not-found' });
      return found;
    },
  } as unknown as DockerClient;
  let events: EventsListener = {};
  let containers: (c: ContainerChange) => void = () => {};
  const changes: ImageChange[] = [];
  const watcher = createImagesWatcher({
    events: { subscribe: (l) => ((events = l), () => {}) },
    containers: { subscribe: (l) => ((containers = l), () => {}) },
    getClient: () => client,
  });
  watcher.subscribe((c) => changes.push(c));
  return { requests, inspects, changes, emitEvent: (e: Parameters<NonNullable<EventsListener['onEvent']>>[0]) => events.onEvent?.(e), containers: (c: ContainerChange) => containers(c), watcher };
}

const tick = () => new Promise((r) => setTimeout(r, 0));
const container = (id: string, imageId: string, state: 'running' | 'exited'): ContainerSummary => ({
  id,
  name: id,
  image: 'a:1',
  imageId,
  command: '',
  created: 0,
  state,
  status: '',
  health: null,
  startedAt: null,
  finishedAt: null,
  exitCode: null,
  ports: [],
  labels: {},
  composeProject: null,
  composeService: null,
});

describe('images watcher', () => {
  it('patches one image per event and removes on delete without a request', async () => {
    const w = setup();
    await tick();
    expect(w.changes[0]).toMatchObject({ kind: 'snapshot' });
    w.inspects.set(ID('b'), { Id: ID('b'), RepoTags: ['b:1'], Created: '2024-01-01T00:00:00Z', Size: 5 });
    w.emitEvent({ type: 'image', action: 'tag', id: ID('b'), attributes: {}, timeNano: 0 });
    await tick();
    expect(w.changes.at(-1)).toMatchObject({ kind: 'upsert', image: { id: ID('b'), repoTags: ['b:1'], created: 1704067200 } });
    const before = w.requests.length;
    w.emitEvent({ type: 'image', action: 'delete', id: ID('b'), attributes: {}, timeNano: 0 });
    expect(w.changes.at(-1)).toEqual({ kind: 'remove', id: ID('b') });
    expect(w.requests.length).toBe(before);
    expect(w.requests.filter((r) => r.path === '/images/json')).toHaveLength(1);
  });

  it('does not bring back an image whose delete event overtook the inspect answer', async () => {
    const w = setup();
    await tick();
    w.inspects.set(ID('e'), { Id: ID('e'), RepoTags: [], Size: 1 });
    w.emitEvent({ type: 'image', action: 'untag', id: ID('e'), attributes: {}, timeNano: 0 });
    w.emitEvent({ type: 'image', action: 'delete', id: ID('e'), attributes: {}, timeNano: 0 });
    await tick();
    expect(w.watcher.current()!.map((i) => i.id)).not.toContain(ID('e'));
  });

  it('asks again about the image a name moved away from (the engine sends no untag for it)', async () => {
    const w = setup();
    await tick();
    // a:1 moves from image a to image f, as a rebuild does.
    w.inspects.set(ID('f'), { Id: ID('f'), RepoTags: ['a:1'], Size: 1 });
    w.inspects.set(ID('a'), { Id: ID('a'), RepoTags: [], Size: 10 });
    w.emitEvent({ type: 'image', action: 'tag', id: ID('f'), attributes: { name: 'a:1' }, timeNano: 0 });
    await tick();
    const byId = new Map(w.watcher.current()!.map((i) => [i.id, i.repoTags]));
    expect(byId.get(ID('f'))).toEqual(['a:1']);
    expect(byId.get(ID('a'))).toEqual([]);
  });

  it('hides an untagged image once another image names it as parent (a build intermediate)', async () => {
    const w = setup();
    await tick();
    w.inspects.set(ID('c'), { Id: ID('c'), RepoTags: [], Size: 1 });
    w.emitEvent({ type: 'image', action: 'untag', id: ID('c'), attributes: {}, timeNano: 0 });
    await tick();
    expect(w.watcher.current()!.map((i) => i.id)).toContain(ID('c'));
    w.inspects.set(ID('d'), { Id: ID('d'), RepoTags: ['d:1'], Parent: ID('c'), Size: 1 });
    w.emitEvent({ type: 'image', action: 'tag', id: ID('d'), attributes: {}, timeNano: 0 });
    await tick();
    expect(w.watcher.current()!.map((i) => i.id)).not.toContain(ID('c'));
  });

  it('counts containers per image from the container list, patching only the touched images', async () => {
    const w = setup();
    await tick();
    w.containers({ kind: 'snapshot', containers: [container('c1', ID('a'), 'running'), container('c2', ID('a'), 'exited')] });
    expect(w.changes.at(-1)).toMatchObject({ kind: 'upsert', image: { id: ID('a'), usedBy: { running: 1, total: 2 } } });
    w.containers({ kind: 'remove', id: 'c1' });
    expect(w.changes.at(-1)).toMatchObject({ kind: 'upsert', image: { id: ID('a'), usedBy: { running: 0, total: 1 } } });
    const n = w.changes.length;
    w.containers({ kind: 'upsert', container: container('c2', ID('a'), 'exited') });
    expect(w.changes.length).toBe(n);
  });
});
