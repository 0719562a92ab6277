import { describe, expect, it } from 'vitest';
import type { ImageSummary } from '../../src-common/models/images';
import { rowsOf, tableRows } from './image-rows';
import { reduceImageChange } from './images-slice';
import { visibleNodes } from './details/family-tree-model';

const image = (id: string, repoTags: string[], extra: Partial<ImageSummary> = {}): ImageSummary => ({
  id: `sha256:${id.padEnd(64, '0')}`,
  repoTags,
  repoDigests: [],
  parentId: '',
  created: 1000,
  size: 100,
  labels: {},
  usedBy: { running: 0, total: 0 },
  ...extra,
});

describe('image rows', () => {
  it('makes one row per name, and one <none> row for an untagged image, with the registry parsed from the name', () => {
    const rows = rowsOf(image('aa', ['nginx:1.27', 'ghcr.io/org/app:2', 'localhost:5000/x']));
    expect(rows.map((r) => [r.ref, r.repository, r.tagPart, r.registry])).toEqual([
      ['nginx:1.27', 'nginx', '1.27', 'docker.io'],
      ['ghcr.io/org/app:2', 'ghcr.io/org/app', '2', 'ghcr.io'],
      ['localhost:5000/x', 'localhost:5000/x', 'latest', 'localhost:5000'],
    ]);
    const none = rowsOf(image('bb', []));
    expect(none.map((r) => [r.ref, r.tag, r.registry])).toEqual([['<none>@bb0000000000', null, null]]);
  });

  it('filters by text, dangling and unused, and sorts with the name as tie-break', () => {
    const images = Object.fromEntries(
      [
        image('a1', ['zeta:1'], { size: 5, usedBy: { running: 1, total: 1 } }),
        image('b2', ['alpha:1'], { size: 5 }),
        image('c3', [], { size: 9 }),
      ].map((i) => [i.id, i]),
    );
    const none = { text: '', danglingOnly: false, unusedOnly: false };
    const bySize = { column: 'size', direction: 'desc' } as const;
    expect(tableRows(images, none, bySize).rows.map((r) => r.ref)).toEqual(['<none>@c30000000000', 'alpha:1', 'zeta:1']);
    expect(tableRows(images, { ...none, danglingOnly: true }, bySize).rows).toHaveLength(1);
    expect(tableRows(images, { ...none, unusedOnly: true }, bySize).rows.map((r) => r.ref)).not.toContain('zeta:1');
    expect(tableRows(images, { ...none, text: 'b2' }, bySize).rows.map((r) => r.ref)).toEqual(['alpha:1']);
    expect(tableRows(images, { ...none, text: 'docker.io' }, bySize).total).toBe(3);
  });
});

describe('reduceImageChange', () => {
  it('replaces one entity and keeps the others as they were', () => {
    const a = image('a', ['a:1']);
    const b = image('b', ['b:1']);
    const state = reduceImageChange({}, { kind: 'snapshot', images: [a, b] });
    const next = reduceImageChange(state, { kind: 'upsert', image: { ...a, repoTags: [] } });
    expect(next[b.id]).toBe(state[b.id]);
    expect(next[a.id]!.repoTags).toEqual([]);
    expect(Object.keys(reduceImageChange(next, { kind: 'remove', id: a.id }))).toEqual([b.id]);
    expect(reduceImageChange(next, { kind: 'remove', id: 'nope' })).toBe(next);
  });
});

describe('family tree visible nodes', () => {
  it('lists nodes in reading order and hides the children of collapsed ones', () => {
    const leaf = (c: string) => ({ chainId: c, depth: 2, size: 1, images: [{ id: c, name: c, names: [c] }], children: [] });
    const roots = [{ chainId: 'r', depth: 1, size: 1, images: [], children: [leaf('x'), leaf('y')] }];
    expect(visibleNodes(roots, new Set()).map((n) => n.key)).toEqual(['/r', '/r/x', '/r/y']);
    expect(visibleNodes(roots, new Set(['/r'])).map((n) => n.key)).toEqual(['/r']);
    expect(visibleNodes(roots, new Set())[1]!.parentKey).toBe('/r');
  });
});
