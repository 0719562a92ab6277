import { describe, expect, it } from 'vitest';
import type { ContainerSummary } from '../../src-common/index';
import { createBerthStore } from './store';

const container = (id: string, over: Partial<ContainerSummary> = {}): ContainerSummary => ({
  id,
  name: `name-${id}`,
  image: 'busybox',
  imageId: 'sha256:1',
  command: 'sh',
  created: 1,
  state: 'running',
  status: 'Up',
  health: null,
  startedAt: null,
  finishedAt: null,
  exitCode: null,
  ports: [],
  labels: {},
  composeProject: null,
  composeService: null,
  ...over,
});

describe('containers slice applyChange', () => {
  it('a snapshot replaces everything and marks the list loaded', () => {
    const store = createBerthStore();
    expect(store.getState().containersLoaded).toBe(false);
    store.getState().applyChange({ kind: 'snapshot', containers: [container('a'), container('b')] });
    store.getState().applyChange({ kind: 'snapshot', containers: [container('c')] });
    expect(Object.keys(store.getState().containers)).toEqual(['c']);
    expect(store.getState().containersLoaded).toBe(true);
  });

  it('an upsert patches one entity and keeps the others as the same objects', () => {
    const store = createBerthStore();
    store.getState().applyChange({ kind: 'snapshot', containers: [container('a'), container('b')] });
    const before = store.getState().containers;
    store.getState().applyChange({ kind: 'upsert', container: container('a', { state: 'exited' }) });
    const after = store.getState().containers;
    expect(after['a']!.state).toBe('exited');
    expect(after['b']).toBe(before['b']);
    store.getState().applyChange({ kind: 'upsert', container: container('new') });
    expect(Object.keys(store.getState().containers).sort()).toEqual(['a', 'b', 'new']);
  });

  it('a remove deletes one entity and drops it from the selection', () => {
    const store = createBerthStore();
    store.getState().applyChange({ kind: 'snapshot', containers: [container('a'), container('b')] });
    store.getState().setSelection(['a', 'b']);
    const b = store.getState().containers['b'];
    store.getState().applyChange({ kind: 'remove', id: 'a' });
    expect(Object.keys(store.getState().containers)).toEqual(['b']);
    expect(store.getState().containers['b']).toBe(b);
    expect([...store.getState().selection]).toEqual(['b']);
  });

  it('a remove of an unknown id changes nothing', () => {
    const store = createBerthStore();
    store.getState().applyChange({ kind: 'snapshot', containers: [container('a')] });
    const before = store.getState().containers;
    store.getState().applyChange({ kind: 'remove', id: 'zzz' });
    expect(store.getState().containers).toBe(before);
  });

  it('a snapshot prunes selected ids that are gone', () => {
    const store = createBerthStore();
    store.getState().applyChange({ kind: 'snapshot', containers: [container('a'), container('b')] });
    store.getState().setSelection(['a', 'b']);
    store.getState().applyChange({ kind: 'snapshot', containers: [container('b')] });
    expect([...store.getState().selection]).toEqual(['b']);
  });
});

describe('ui slice', () => {
  it('sortBy flips the direction on the same column and starts ascending on another', () => {
    const store = createBerthStore();
    expect(store.getState().sort).toEqual({ column: 'name', direction: 'asc' });
    store.getState().sortBy('name');
    expect(store.getState().sort).toEqual({ column: 'name', direction: 'desc' });
    store.getState().sortBy('created');
    expect(store.getState().sort).toEqual({ column: 'created', direction: 'asc' });
  });

  it('tracks selection, collapsed groups, pending actions and notices', () => {
    const store = createBerthStore();
    const s = () => store.getState();
    s().toggleSelected('a', true);
    s().toggleSelected('b', true);
    s().toggleSelected('a', false);
    expect([...s().selection]).toEqual(['b']);
    s().toggleGroup('shop');
    expect(s().collapsedGroups.has('shop')).toBe(true);
    s().toggleGroup('shop');
    expect(s().collapsedGroups.has('shop')).toBe(false);
    s().setPending('a', 'stop');
    expect(s().pending).toEqual({ a: 'stop' });
    s().setPending('a', null);
    expect(s().pending).toEqual({});
    s().pushNotice('Could not stop web-1');
    const [notice] = s().notices;
    expect(notice?.message).toBe('Could not stop web-1');
    s().dismissNotice(notice!.id);
    expect(s().notices).toEqual([]);
  });

  it('the remove request opens with ids and closes', () => {
    const store = createBerthStore();
    store.getState().askRemove([]);
    expect(store.getState().removeRequest).toBeNull();
    store.getState().askRemove(['a', 'b']);
    expect(store.getState().removeRequest).toEqual(['a', 'b']);
    store.getState().closeRemove();
    expect(store.getState().removeRequest).toBeNull();
  });
});

describe('engine slice', () => {
  it('keeps the status with the time it arrived', () => {
    const store = createBerthStore();
    store.getState().setEngineStatus({ state: 'connecting', endpoint: null }, 42);
    expect(store.getState().engineStatus).toEqual({ state: 'connecting', endpoint: null });
    expect(store.getState().engineStatusAt).toBe(42);
    store.getState().setServerConnected(false);
    expect(store.getState().serverConnected).toBe(false);
  });

  it('notices when the endpoint changes, naming the old and the new one, and keeps the change for the status bar', () => {
    const store = createBerthStore();
    const endpoint = (display: string) => ({ kind: 'tcp' as const, address: display.slice(6), source: 'Berth settings', tls: false, display });
    const engine = { name: 'Docker Engine', version: '27.0', apiVersion: '1.46', os: 'linux', arch: 'amd64' };
    const s = () => store.getState();
    s().setEngineStatus({ state: 'connecting', endpoint: null });
    s().setEngineStatus({ state: 'connected', endpoint: endpoint('tcp://127.0.0.1:2375'), engine });
    // The first endpoint, and the same one again after a reconnect, are no change.
    s().setEngineStatus({ state: 'connecting', endpoint: null });
    s().setEngineStatus({ state: 'connected', endpoint: endpoint('tcp://127.0.0.1:2375'), engine });
    expect(s().notices).toEqual([]);
    expect(s().endpointChange).toBeNull();

    s().setEngineStatus({ state: 'connecting', endpoint: endpoint('tcp://192.0.2.7:2375') });
    expect(s().endpointChange).toEqual({ from: 'tcp://127.0.0.1:2375', to: 'tcp://192.0.2.7:2375' });
    expect(s().notices.map((n) => n.message)).toEqual([expect.stringMatching(/changed from tcp:\/\/127\.0\.0\.1:2375 to tcp:\/\/192\.0\.2\.7:2375/)]);
    s().setEngineStatus({ state: 'connected', endpoint: endpoint('tcp://192.0.2.7:2375'), engine });
    expect(s().notices).toHaveLength(1);
  });

  it('remembers when the engine stopped answering, until it is back (the list is "as of" then)', () => {
    const store = createBerthStore();
    const endpoint = { kind: 'unix', address: '/s', source: 'default', tls: false, display: 'unix:///s' } as const;
    const engine = { name: 'Docker Engine', version: '20.10', apiVersion: '1.41', os: 'linux', arch: 'amd64' };
    store.getState().setEngineStatus({ state: 'connected', endpoint, engine }, 10);
    expect(store.getState().engineLostAt).toBeNull();
    store.getState().setEngineStatus({ state: 'connecting', endpoint }, 20);
    store.getState().setEngineStatus({ state: 'unreachable', endpoint, error: 'gone', hint: 'start it', retryInMs: 1000 }, 30);
    expect(store.getState().engineLostAt).toBe(20);
    store.getState().setEngineStatus({ state: 'connected', endpoint, engine }, 40);
    expect(store.getState().engineLostAt).toBeNull();
  });
});
