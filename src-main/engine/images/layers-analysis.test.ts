import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  addsLayerByInstruction,
  chainIds,
  familyTree,
  imageNameOf,
  instructionOf,
  layerSizesOf,
  matchHistory,
  sizeAccounts,
  type IndexedImage,
} from './layers-analysis';

const sha = (s: string) => `sha256:${createHash('sha256').update(s).digest('hex')}`;
const L = (n: number) => sha(`layer-${n}`);

describe('chainIds', () => {
  it('is the diff id for the base and sha256(parent + " " + diff) above it', () => {
    const [a, b, c] = [L(0), L(1), L(2)];
    const ids = chainIds([a, b, c]);
    expect(ids[0]).toBe(a);
    expect(ids[1]).toBe(sha(`${a} ${b}`));
    expect(ids[2]).toBe(sha(`${sha(`${a} ${b}`)} ${c}`));
    expect(ids[2]).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it('is empty for an image without layers', () => {
    expect(chainIds([])).toEqual([]);
  });
});

describe('instructions', () => {
  it('strips the #(nop) prefix and shows bare commands as RUN', () => {
    expect(instructionOf('/bin/sh -c #(nop)  CMD ["sh"]')).toBe('CMD ["sh"]');
    expect(instructionOf('/bin/sh -c #(nop) COPY file:abc in /bin/busybox ')).toBe('COPY file:abc in /bin/busybox');
    expect(instructionOf('/bin/sh -c echo hi > /a')).toBe('RUN /bin/sh -c echo hi > /a');
    expect(instructionOf('RUN /bin/sh -c apk add x # buildkit')).toBe('RUN /bin/sh -c apk add x');
    expect(instructionOf('ENV A=b')).toBe('ENV A=b');
  });

  it('knows which instructions add a layer, including #(nop) ADD and COPY', () => {
    expect(addsLayerByInstruction('/bin/sh -c #(nop) COPY file:abc in /x ')).toBe(true);
    expect(addsLayerByInstruction('/bin/sh -c #(nop) ADD dir:abc in / ')).toBe(true);
    expect(addsLayerByInstruction('/bin/sh -c #(nop)  ENV A=b')).toBe(false);
    expect(addsLayerByInstruction('/bin/sh -c #(nop)  LABEL a=b')).toBe(false);
    expect(addsLayerByInstruction('/bin/sh -c touch /a')).toBe(true);
    expect(addsLayerByInstruction('/bin/busybox --install -s /bin')).toBe(true);
    expect(addsLayerByInstruction('RUN /bin/sh -c true # buildkit')).toBe(true);
    expect(addsLayerByInstruction('ENV A=b')).toBe(false);
  });
});

describe('matchHistory', () => {
  const history = [
    { CreatedBy: '/bin/sh -c #(nop) COPY file:1 in /bin/busybox ', Size: 100 },
    { CreatedBy: '/bin/sh -c #(nop)  ENV A=b', Size: 0 },
    { CreatedBy: '/bin/sh -c true', Size: 0 },
    { CreatedBy: '/bin/sh -c echo x > /x', Size: 2 },
    { CreatedBy: '/bin/sh -c #(nop)  CMD ["sh"]', Size: 0 },
  ];

  it('pairs layer-adding entries with diff ids in order, even an empty RUN', () => {
    const diffs = [L(0), L(1), L(2)];
    const m = matchHistory(history, diffs);
    expect(m.matching).toBe('instructions');
    expect(m.entries.map((e) => e.diffId)).toEqual([L(0), null, L(1), L(2), null]);
    expect(m.entries.map((e) => e.chainId)).toEqual([chainIds(diffs)[0], null, chainIds(diffs)[1], chainIds(diffs)[2], null]);
    expect(layerSizesOf(m, 3)).toEqual([100, 0, 2]);
  });

  it('falls back to sizes when the instruction count does not fit, and says so', () => {
    const m = matchHistory(history, [L(0), L(1)]);
    expect(m.matching).toBe('size');
    expect(m.entries.filter((e) => e.addsLayer).map((e) => e.diffId)).toEqual([L(0), L(1)]);
  });

  it('reports unmatched when neither count fits', () => {
    const m = matchHistory(history, [L(0)]);
    expect(m.matching).toBe('unmatched');
    expect(m.entries.every((e) => e.diffId === null)).toBe(true);
  });
});

const img = (id: string, layers: number[], sizes: number[], total = sizes.reduce((a, b) => a + b, 0)): IndexedImage => ({
  id,
  name: { id, name: id, names: [id] },
  chainIds: chainIds(layers.map(L)),
  layerSizes: sizes,
  total,
});

describe('size accounting', () => {
  it('counts a layer as shared only when another image holds the same chain', () => {
    const base = img('base', [0], [1000]);
    const a = img('a', [0, 1], [1000, 10]);
    const b = img('b', [0, 2], [1000, 20]);
    // Same diff id 1 on a different base: a different chain, not shared.
    const c = img('c', [3, 1], [500, 10]);
    const acc = sizeAccounts([base, a, b, c]);
    expect(acc.get('base')).toEqual({ total: 1000, shared: 1000, unique: 0 });
    expect(acc.get('a')).toEqual({ total: 1010, shared: 1000, unique: 10 });
    expect(acc.get('b')).toEqual({ total: 1020, shared: 1000, unique: 20 });
    expect(acc.get('c')).toEqual({ total: 510, shared: 0, unique: 510 });
  });
});

describe('familyTree', () => {
  it('puts images under their deepest shared ancestor and skips chains nobody ends at', () => {
    const base = img('base', [0, 1], [100, 5]);
    const a = img('a', [0, 1, 2], [100, 5, 10]);
    const b = img('b', [0, 1, 3, 4], [100, 5, 20, 30]);
    const c = img('c', [0, 1, 3, 5], [100, 5, 20, 40]);
    const lone = img('lone', [9], [7]);
    const { roots } = familyTree([lone, c, a, b, base]);
    expect(roots.map((r) => r.images.map((i) => i.name))).toEqual([['base'], ['lone']]);
    const [top] = roots;
    expect(top!.size).toBe(105);
    expect(top!.depth).toBe(2);
    const [na, fork] = top!.children;
    expect(na!.images.map((i) => i.name)).toEqual(['a']);
    expect(na!.size).toBe(10);
    // b and c part ways above layer 3: an unnamed fork node carries the shared 20 bytes.
    expect(fork!.images).toEqual([]);
    expect(fork!.size).toBe(20);
    expect(fork!.children.map((n) => [n.images[0]!.name, n.size, n.depth])).toEqual([
      ['b', 30, 4],
      ['c', 40, 4],
    ]);
  });

  it('lists two names of one image at the same node, and layerless images apart', () => {
    const t1 = img('x', [0], [1]);
    const t2 = { ...img('y', [0], [1]) };
    const empty = img('meta-only', [], []);
    const { roots, layerless } = familyTree([t1, t2, empty]);
    expect(roots).toHaveLength(1);
    expect(roots[0]!.images.map((i) => i.name)).toEqual(['x', 'y']);
    expect(layerless.map((i) => i.name)).toEqual(['meta-only']);
  });
});

describe('imageNameOf', () => {
  it('names an image by all its tags, not only the first (a layer view showed one of several)', () => {
    expect(imageNameOf('sha256:' + 'a'.repeat(64), ['app:latest', 'app:1', 'registry.example.com/app:1'])).toEqual({
      id: 'sha256:' + 'a'.repeat(64),
      name: 'app:1',
      names: ['app:1', 'app:latest', 'registry.example.com/app:1'],
    });
  });

  it('names an untagged image by its short id', () => {
    expect(imageNameOf('sha256:' + 'b'.repeat(64), ['<none>:<none>'])).toEqual({
      id: 'sha256:' + 'b'.repeat(64),
      name: '<none>@bbbbbbbbbbbb',
      names: ['<none>@bbbbbbbbbbbb'],
    });
  });
});
