import { describe, expect, it } from 'vitest';
import type { ContainerChange, ContainerSummary } from '../../../src-common/models/container';
import type { VolumeChange } from '../../../src-common/models/volumes';
import type { DockerClient, EngineRequest } from '../connection/docker-client';
import type { EventsListener } from '../connection/events-hub';
import { createVolumesWatcher } from './volumes-watcher';

const tick = () => new Promise((r) => setTimeout(r, 0));
const container = (id: string, volumes: string[] | undefined, state: 'running' | 'exited' = 'running'): ContainerSummary => ({
  id,
  name: `c-${id}`,
  image: 'x',
  imageId: 'sha256:x',
  command: '',
  created: 0,
  state,
  status: '',
  startedAt: null,
  finishedAt: null,
  exitCode: null,
  health: null,
  ports: [],
  labels: {},
  composeProject: null,
  composeService: null,
  ...(volumes ? { volumes } : {}),
});

function setup() {
  const requests: EngineRequest[] = [];
  const existing = new Map<string, object>([['pgdata', { Name: 'pgdata', Driver: 'local', Labels: { 'com.docker.compose.project': 'shop' } }]]);
  const client = {
    request: async (req: EngineRequest) => {
      requests.push(req);
      if (req.path === '/volumes') return { Volumes: [...existing.values()] };
      const found = existing.get(decodeURIComponent(req.path.split('/')[2]!));
      if (!found) throw Object.assign(new Error('no such volume'), { code: 'not-found' });
      return found;
    },
  } as unknown as DockerClient;
  let events: EventsListener = {};
  let containers: (c: ContainerChange) => void = () => {};
  const changes: VolumeChange[] = [];
  const watcher = createVolumesWatcher({
    events: { subscribe: (l) => ((events = l), () => {}) },
    containers: { subscribe: (l) => ((containers = l), () => {}) },
    getClient: () => client,
    labelsMarkAnonymous: () => false,
  });
  watcher.subscribe((c) => changes.push(c));
  return { requests, existing, changes, watcher, events: () => events, containers: (c: ContainerChange) => containers(c) };
}

describe('volumes watcher', () => {
  it('lists once, then patches a volume per create/destroy event', async () => {
    const w = setup();
    await tick();
    expect(w.changes[0]).toMatchObject({ kind: 'snapshot', volumes: [{ name: 'pgdata', composeProject: 'shop', anonymous: false }] });
    const hex = 'f'.repeat(64);
    w.existing.set(hex, { Name: hex, Driver: 'local' });
    w.events().onEvent?.({ type: 'volume', action: 'create', id: hex, attributes: {}, timeNano: 0 });
    await tick();
    expect(w.changes.at(-1)).toMatchObject({ kind: 'upsert', volume: { name: hex, anonymous: true, usedBy: [] } });
    const before = w.requests.length;
    w.events().onEvent?.({ type: 'volume', action: 'mount', id: hex, attributes: {}, timeNano: 0 });
    w.events().onEvent?.({ type: 'volume', action: 'destroy', id: hex, attributes: {}, timeNano: 0 });
    expect(w.changes.at(-1)).toEqual({ kind: 'remove', name: hex });
    expect(w.requests.length).toBe(before);
  });

  it("takes Podman's \"remove\" as a volume's destroy", async () => {
    const w = setup();
    await tick();
    w.events().onEvent?.({ type: 'volume', action: 'remove', id: 'pgdata', attributes: { name: 'pgdata' }, timeNano: 0 });
    expect(w.changes.at(-1)).toEqual({ kind: 'remove', name: 'pgdata' });
  });

  it('keeps "used by" from the container list without asking the engine', async () => {
    const w = setup();
    await tick();
    const before = w.requests.length;
    w.containers({ kind: 'snapshot', containers: [container('b', ['pgdata'], 'exited'), container('a', ['pgdata']), container('z', undefined)] });
    expect(w.watcher.usersOf('pgdata').map((u) => u.name)).toEqual(['c-a', 'c-b']);
    expect(w.changes.at(-1)).toMatchObject({ kind: 'upsert', volume: { name: 'pgdata', usedBy: [{ id: 'a' }, { id: 'b', state: 'exited' }] } });
    w.containers({ kind: 'remove', id: 'a' });
    expect(w.watcher.usersOf('pgdata').map((u) => u.id)).toEqual(['b']);
    w.containers({ kind: 'upsert', container: container('b', []) });
    expect(w.changes.at(-1)).toMatchObject({ kind: 'upsert', volume: { name: 'pgdata', usedBy: [] } });
    expect(w.requests.length).toBe(before);
  });

  it('does not bring back a volume whose destroy overtook the inspect answer', async () => {
    const w = setup();
    await tick();
    w.existing.set('late', { Name: 'late' });
    w.events().onEvent?.({ type: 'volume', action: 'create', id: 'late', attributes: {}, timeNano: 0 });
    w.events().onEvent?.({ type: 'volume', action: 'destroy', id: 'late', attributes: {}, timeNano: 0 });
    await tick();
    expect(w.watcher.current()!.map((v) => v.name)).toEqual(['pgdata']);
  });
});
