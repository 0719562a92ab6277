import { describe, expect, it } from 'vitest';
import type { ContainerSummary } from '../../src-common/models/container';
import type { ImageSummary } from '../../src-common/models/images';
import type { NetworkSummary } from '../../src-common/models/networks';
import { buildPaletteItems, searchPalette, type ImageActionSpec, type PaletteSources } from './palette-items';

const container = (name: string, state: ContainerSummary['state'], image = 'busybox:1'): ContainerSummary => ({
  id: `id-${name}`,
  name,
  image,
  imageId: 'sha256:1',
  command: 'sh',
  created: 1,
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

const image = (id: string, repoTags: string[], usedBy = 0): ImageSummary => ({
  id: `sha256:${id.padEnd(64, '0')}`,
  repoTags,
  repoDigests: [],
  parentId: '',
  created: 1,
  size: 1,
  labels: {},
  usedBy: { running: 0, total: usedBy },
});

const imageActions: ImageActionSpec[] = [
  { key: 'run', label: (ref) => `Run ${ref}` },
  { key: 'push', label: (ref) => `Push ${ref}`, appliesTo: (t) => t.tag !== null },
];

const sources = (containers: ContainerSummary[], images: ImageSummary[] = []): PaletteSources => ({
  containers,
  images,
  imageActions,
  isMac: false,
});

const labels = (query: string, containers: ContainerSummary[], images: ImageSummary[] = []) =>
  searchPalette(buildPaletteItems(sources(containers, images)), query).map((r) => r.item.label);

describe('buildPaletteItems', () => {
  it('offers the pages with their shortcuts, then each container, then what each can do now', () => {
    const items = buildPaletteItems(sources([container('db', 'exited'), container('web-1', 'running'), container('cache', 'paused')]));
    expect(items.filter((i) => i.kind === 'page').map((i) => [i.label, i.keys])).toEqual([
      ['Go to Containers', 'G then C'],
      ['Go to Images', 'G then I'],
      ['Go to Volumes', 'G then V'],
      ['Go to Networks', 'G then N'],
      ['Go to Disk usage', 'G then D'],
      ['Go to Activity', 'G then A'],
      ['Go to Registries', 'G then R'],
      ['Go to Settings', 'G then S'],
    ]);
    // Running (and paused) first, then by name.
    expect(items.filter((i) => i.kind === 'container').map((i) => i.label)).toEqual(['cache', 'web-1', 'db']);
    const actions = items.filter((i) => i.kind === 'action').map((i) => i.label);
    expect(actions).toEqual(
      expect.arrayContaining(['Stop web-1', 'Restart web-1', 'Pause web-1', 'Inspect web-1', 'Open logs of web-1', 'Open terminal of web-1']),
    );
    expect(actions).toEqual(expect.arrayContaining(['Start db', 'Restart db', 'Resume cache', 'Stop cache', 'Open logs of db']));
    expect(actions).not.toContain('Open terminal of db');
    expect(actions).not.toContain('Start web-1');
    expect(actions).not.toContain('Stop db');
    expect(actions.some((a) => a.startsWith('Remove'))).toBe(false);
    expect(items.find((i) => i.label === 'Stop web-1')?.action).toEqual({ type: 'container', id: 'id-web-1', action: 'stop' });
    expect(items.find((i) => i.label === 'web-1')?.action).toEqual({ type: 'navigate', href: '#/containers/id-web-1' });
    expect(items.find((i) => i.label === 'Open logs of web-1')?.action).toEqual({ type: 'navigate', href: '#/containers/id-web-1/logs' });
  });

  it('offers each image name and the image actions that apply to it', () => {
    const items = buildPaletteItems(sources([], [image('ab', ['nginx:1.27', 'nginx:latest'], 2), image('cd', [])]));
    expect(items.filter((i) => i.kind === 'image').map((i) => [i.label, i.detail])).toEqual([
      ['<none>@cd0000000000', 'cd0000000000 · unused'],
      ['nginx:1.27', 'ab0000000000 · used by 2 containers'],
      ['nginx:latest', 'ab0000000000 · used by 2 containers'],
    ]);
    const actions = items.filter((i) => i.kind === 'action').map((i) => i.label);
    expect(actions).toEqual(['Run <none>@cd0000000000', 'Run nginx:1.27', 'Push nginx:1.27', 'Run nginx:latest', 'Push nginx:latest']);
    expect(items.find((i) => i.label === 'Push nginx:1.27')?.action).toEqual({
      type: 'image',
      actionKey: 'push',
      target: { id: `sha256:${'ab'.padEnd(64, '0')}`, tag: 'nginx:1.27', ref: 'nginx:1.27' },
    });
    expect(items.find((i) => i.label === 'nginx:1.27')?.action).toEqual({ type: 'navigate', href: `#/images/sha256%3A${'ab'.padEnd(64, '0')}` });
  });
});

describe('searchPalette', () => {
  const containers = [container('web-1', 'running', 'nginx:1.27'), container('web-10', 'running'), container('worker', 'exited')];

  it('puts the container named exactly first, then its actions', () => {
    const found = labels('web-1', containers);
    expect(found[0]).toBe('web-1');
    expect(found.indexOf('Stop web-1')).toBeLessThan(found.indexOf('Stop web-10'));
  });

  it('finds an action by verb and name', () => {
    expect(labels('stop web-1', containers)[0]).toBe('Stop web-1');
    expect(labels('restart wor', containers)[0]).toBe('Restart worker');
    expect(labels('go set', containers)[0]).toBe('Go to Settings');
  });

  it('falls back to the image and state, below any match in a name', () => {
    const found = labels('nginx', containers);
    expect(found[0]).toBe('web-1');
    expect(labels('exited', containers)).toContain('worker');
  });

  it('finds images by name next to containers', () => {
    const found = labels('nginx', containers, [image('ab', ['nginx:1.27'])]);
    expect(found[0]).toBe('nginx:1.27');
    expect(found).toContain('Run nginx:1.27');
    // The container running it is found through its image too, below the names.
    expect(found.indexOf('web-1')).toBeGreaterThan(found.indexOf('Run nginx:1.27'));
  });

  it('lists everything for an empty query and nothing for nonsense', () => {
    expect(labels('', containers).length).toBe(buildPaletteItems(sources(containers)).length);
    expect(labels('zzzz', containers)).toEqual([]);
  });
});

describe('volumes in the palette', () => {
  const volume = (name: string, anonymous = false) => ({
    name,
    driver: 'local',
    scope: 'local',
    mountpoint: '',
    created: null,
    labels: {},
    options: {},
    composeProject: null,
    anonymous,
    usedBy: [],
  });

  it('opens, browses and removes each volume, named ones first', () => {
    const items = buildPaletteItems({ ...sources([]), volumes: [volume('f'.repeat(64), true), volume('pgdata')] });
    const volumeLabels = items.filter((i) => i.key.startsWith('volume')).map((i) => i.label);
    expect(volumeLabels.slice(0, 3)).toEqual(['Volume pgdata', 'Browse volume pgdata', 'Remove volume pgdata']);
    expect(items.find((i) => i.label === 'Remove volume pgdata')!.action).toEqual({ type: 'remove-volume', name: 'pgdata' });
    expect(items.find((i) => i.label === 'Browse volume pgdata')!.action).toEqual({ type: 'navigate', href: '#/volumes/pgdata/files' });
    expect(searchPalette(items, 'browse pg')[0]!.item.label).toBe('Browse volume pgdata');
  });
});

describe('network items', () => {
  const network = (name: string, driver: string, endpoints = 0): NetworkSummary => ({
    id: `net-${name}`,
    name,
    driver,
    scope: 'local',
    created: '',
    internal: false,
    attachable: false,
    ingress: false,
    enableIPv6: false,
    ipamDriver: 'default',
    subnets: driver === 'bridge' ? [{ subnet: '10.1.0.0/24', gateway: '', ipRange: '' }] : [],
    predefined: name === 'host' || name === 'bridge',
    labels: {},
    options: {},
    endpoints: Array.from({ length: endpoints }, (_, i) => ({ containerId: `c${i}`, name: `c${i}`, ipv4Address: '', ipv6Address: '', macAddress: '' })),
  });

  it('jumps to each network and offers "Connect a container to X" where a container can join', () => {
    const items = buildPaletteItems({ ...sources([]), networks: [network('host', 'host'), network('app', 'bridge', 2)] });
    expect(items.filter((i) => i.kind === 'network').map((i) => [i.label, i.detail])).toEqual([
      ['app', 'bridge · 10.1.0.0/24 · 2 containers'],
      ['host', 'host · no containers'],
    ]);
    expect(items.find((i) => i.label === 'Connect a container to app')?.action).toEqual({ type: 'network', action: 'connect', id: 'net-app' });
    expect(items.some((i) => i.label === 'Connect a container to host')).toBe(false);
    expect(searchPalette(items, 'connect app')[0]?.item.label).toBe('Connect a container to app');
  });
});

describe('global commands', () => {
  it('offers Pull, Build, Run container, Prune, Log in and every page without any container or image', () => {
    const all = searchPalette(buildPaletteItems(sources([])), '').map((r) => r.item.label);
    for (const label of ['Pull image…', 'Build image…', 'Run container…', 'Prune images…', 'Log in to a registry…']) {
      expect(all).toContain(label);
    }
    expect(all).toEqual(expect.arrayContaining(['Go to Containers', 'Go to Images', 'Go to Registries', 'Go to Settings']));
  });

  it('"pull" ranks Pull image… first, not "Pause hello-world" (a word start beats letters scattered in words)', () => {
    const containers = [container('hello-world', 'running'), container('puller-app', 'exited')];
    expect(labels('pull', containers)[0]).toBe('Pull image…');
    expect(labels('pru', containers)[0]).toBe('Prune images…');
    expect(labels('log in', containers)[0]).toBe('Log in to a registry…');
    expect(labels('settings', containers)[0]).toBe('Go to Settings');
  });
});
