import { describe, expect, it } from 'vitest';
import type { ContainerSummary } from '../../src-common/index';
import { deriveRows, matchesFilter, publishedPorts, shownContainerIds, type RowOptions, type TableRow } from './rows';

let seq = 0;
function container(name: string, over: Partial<ContainerSummary> = {}): ContainerSummary {
  seq++;
  return {
    id: `id-${name}`,
    name,
    image: 'busybox:latest',
    imageId: 'sha256:abc',
    command: 'sh',
    created: 1_700_000_000 + seq,
    state: 'running',
    status: 'Up 2 minutes',
    health: null,
    startedAt: null,
    finishedAt: null,
    exitCode: null,
    ports: [],
    labels: {},
    composeProject: null,
    composeService: null,
    ...over,
  };
}

const base: RowOptions = {
  filterText: '',
  runningOnly: false,
  sort: { column: 'name', direction: 'asc' },
  collapsedGroups: new Set(),
};

const describeRows = (rows: TableRow[]) => rows.map((r) => (r.kind === 'group' ? `[${r.project}]` : r.id.slice(3)));

describe('matchesFilter', () => {
  const web = container('web-1', {
    image: 'nginx:1.25',
    status: 'Exited (0) 2 hours ago',
    state: 'exited',
    ports: [{ privatePort: 80, publicPort: 8080, type: 'tcp', ip: '0.0.0.0' }],
    composeProject: 'shop',
  });
  it.each([
    ['WEB', true],
    ['nginx', true],
    ['exited', true],
    ['8080', true],
    ['8080:80/tcp', true],
    ['shop', true],
    ['web nginx', true],
    ['web redis', false],
    ['', true],
    ['   ', true],
  ])('"%s" → %s', (text, expected) => expect(matchesFilter(web, text)).toBe(expected));
});

describe('deriveRows', () => {
  const a = container('alpha', { image: 'zeta:1', created: 300, state: 'exited' });
  const b = container('Beta', { image: 'alpha:1', created: 100, ports: [{ privatePort: 80, publicPort: 9000, type: 'tcp' }] });
  const c = container('gamma', { image: 'mid:1', created: 200, state: 'paused', ports: [{ privatePort: 80, publicPort: 80, type: 'tcp' }] });
  const all = [c, a, b];

  it('sorts by name case-insensitively, both directions', () => {
    expect(describeRows(deriveRows(all, base))).toEqual(['alpha', 'Beta', 'gamma']);
    expect(describeRows(deriveRows(all, { ...base, sort: { column: 'name', direction: 'desc' } }))).toEqual(['gamma', 'Beta', 'alpha']);
  });

  it('sorts by image, state, created and ports', () => {
    const by = (column: RowOptions['sort']['column'], direction: 'asc' | 'desc' = 'asc') =>
      describeRows(deriveRows(all, { ...base, sort: { column, direction } }));
    expect(by('image')).toEqual(['Beta', 'gamma', 'alpha']);
    expect(by('state')).toEqual(['Beta', 'gamma', 'alpha']);
    expect(by('created')).toEqual(['Beta', 'gamma', 'alpha']);
    expect(by('created', 'desc')).toEqual(['alpha', 'gamma', 'Beta']);
    expect(by('ports')).toEqual(['gamma', 'Beta', 'alpha']);
  });

  it('sorts by CPU and memory from the usage readings; containers without one go last either way', () => {
    const reading = (cpuPercent: number, memoryBytes: number) => ({
      t: 0, cpuPercent, memoryBytes, memoryLimitBytes: null, netRxRate: null, netTxRate: null, blockReadRate: null, blockWriteRate: null, pids: 1,
    });
    const usage = (id: string) => ({ 'id-Beta': reading(90, 10), 'id-gamma': reading(5, 500) })[id];
    const by = (column: 'cpu' | 'memory', direction: 'asc' | 'desc') =>
      describeRows(deriveRows(all, { ...base, usage, sort: { column, direction } }));
    expect(by('cpu', 'desc')).toEqual(['Beta', 'gamma', 'alpha']);
    expect(by('cpu', 'asc')).toEqual(['gamma', 'Beta', 'alpha']);
    expect(by('memory', 'desc')).toEqual(['gamma', 'Beta', 'alpha']);
  });

  it('filters by text and by the running-only toggle (paused counts as running)', () => {
    expect(describeRows(deriveRows(all, { ...base, filterText: 'alpha' }))).toEqual(['alpha', 'Beta']);
    expect(describeRows(deriveRows(all, { ...base, runningOnly: true }))).toEqual(['Beta', 'gamma']);
  });

  describe('compose groups', () => {
    const db = container('shop-db-1', { composeProject: 'shop', created: 50, state: 'exited' });
    const api = container('shop-api-1', { composeProject: 'shop', created: 500 });
    const zed = container('zed', { created: 10 });
    const rows = (opts: Partial<RowOptions> = {}) => deriveRows([db, a, api, zed, b], { ...base, ...opts });

    it('puts members under a group row, sorted within, and the group among the rest by project name', () => {
      expect(describeRows(rows())).toEqual(['alpha', 'Beta', '[shop]', 'shop-api-1', 'shop-db-1', 'zed']);
      const group = rows().find((r) => r.kind === 'group');
      expect(group).toMatchObject({ project: 'shop', memberIds: ['id-shop-api-1', 'id-shop-db-1'], runningCount: 1 });
    });

    it('places a group by its leading member for other columns', () => {
      expect(describeRows(rows({ sort: { column: 'created', direction: 'asc' } }))).toEqual([
        'zed',
        '[shop]',
        'shop-db-1',
        'shop-api-1',
        'Beta',
        'alpha',
      ]);
    });

    it('hides members of a collapsed group but keeps its header and member ids', () => {
      const r = rows({ collapsedGroups: new Set(['shop']) });
      expect(describeRows(r)).toEqual(['alpha', 'Beta', '[shop]', 'zed']);
      expect(r[2]).toMatchObject({ collapsed: true, memberIds: ['id-shop-api-1', 'id-shop-db-1'] });
      expect(shownContainerIds(r)).toEqual(['id-alpha', 'id-Beta', 'id-zed']);
    });

    it('keeps only matching members and drops a group with none', () => {
      expect(describeRows(rows({ filterText: 'api' }))).toEqual(['[shop]', 'shop-api-1']);
      expect(describeRows(rows({ filterText: 'shop' }))).toEqual(['[shop]', 'shop-api-1', 'shop-db-1']);
      expect(describeRows(rows({ filterText: 'zed' }))).toEqual(['zed']);
    });
  });
});

describe('publishedPorts', () => {
  it('lists each host port once, sorted', () => {
    expect(
      publishedPorts([
        { privatePort: 80, publicPort: 8080, type: 'tcp', ip: '0.0.0.0' },
        { privatePort: 80, publicPort: 8080, type: 'tcp', ip: '::' },
        { privatePort: 443, publicPort: 8443, type: 'tcp' },
        { privatePort: 9000, type: 'tcp' },
      ]),
    ).toEqual([8080, 8443]);
  });
});
