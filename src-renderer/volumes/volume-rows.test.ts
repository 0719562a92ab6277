import { describe, expect, it } from 'vitest';
import type { VolumeSummary } from '../../src-common/models/volumes';
import { volumeRows } from './volume-rows';
import { reduceVolumeChange } from './volumes-slice';

const vol = (name: string, patch: Partial<VolumeSummary> = {}): VolumeSummary => ({
  name,
  driver: 'local',
  scope: 'local',
  mountpoint: `/var/lib/docker/volumes/${name}/_data`,
  created: '2026-01-01T00:00:00Z',
  labels: {},
  options: {},
  composeProject: null,
  anonymous: false,
  usedBy: [],
  ...patch,
});

const all = Object.fromEntries(
  [
    vol('f'.repeat(64), { anonymous: true }),
    vol('pgdata', { composeProject: 'shop', usedBy: [{ id: '1', name: 'db-1', state: 'running' }] }),
    vol('cache', { created: '2026-02-01T00:00:00Z' }),
  ].map((v) => [v.name, v]),
);

describe('volumeRows', () => {
  it('puts named volumes first by name, and filters by name, project or container', () => {
    const { rows, total } = volumeRows(all, { text: '', unusedOnly: false }, { column: 'name', direction: 'asc' }, null);
    expect(total).toBe(3);
    expect(rows.map((r) => r.name)).toEqual(['cache', 'pgdata', 'f'.repeat(64)]);
    expect(volumeRows(all, { text: 'db-1', unusedOnly: false }, { column: 'name', direction: 'asc' }, null).rows.map((r) => r.name)).toEqual(['pgdata']);
    expect(volumeRows(all, { text: 'SHOP', unusedOnly: false }, { column: 'name', direction: 'asc' }, null).rows).toHaveLength(1);
    expect(volumeRows(all, { text: '', unusedOnly: true }, { column: 'name', direction: 'asc' }, null).rows.map((r) => r.name)).not.toContain('pgdata');
  });

  it('sorts by measured size, unmeasured last', () => {
    const sizes = { measuredAt: 1, sizes: { cache: 10, pgdata: 5000 } };
    const { rows } = volumeRows(all, { text: '', unusedOnly: false }, { column: 'size', direction: 'desc' }, sizes);
    expect(rows.map((r) => r.name)).toEqual(['pgdata', 'cache', 'f'.repeat(64)]);
  });
});

describe('reduceVolumeChange', () => {
  it('replaces one entity and keeps the others', () => {
    const next = reduceVolumeChange(all, { kind: 'upsert', volume: vol('cache', { driver: 'nfs' }) });
    expect(next.cache!.driver).toBe('nfs');
    expect(next.pgdata).toBe(all.pgdata);
    expect(reduceVolumeChange(next, { kind: 'remove', name: 'cache' }).cache).toBeUndefined();
    expect(reduceVolumeChange(next, { kind: 'remove', name: 'nope' })).toBe(next);
  });
});
