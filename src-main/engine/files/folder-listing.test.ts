import { Readable } from 'node:stream';
import { pack } from 'tar-stream';
import { describe, expect, it } from 'vitest';
import type { FileEntry } from '../../../src-common/models/files';
import { listFolderTar, type ListingOptions } from './folder-listing';

/** A tar as the engine sends a folder: the folder first, then everything beneath it, depth first. */
function folderTar(entries: { name: string; size?: number; type?: 'directory' | 'symlink'; linkname?: string }[]): Readable {
  const p = pack();
  for (const e of entries) {
    if (e.type === 'directory') p.entry({ name: e.name, type: 'directory', mode: 0o755 });
    else if (e.type === 'symlink') p.entry({ name: e.name, type: 'symlink', linkname: e.linkname ?? '' });
    else p.entry({ name: e.name, mode: 0o640, mtime: new Date(1_700_000_000_000) }, Buffer.alloc(e.size ?? 0, 1));
  }
  p.finalize();
  return p as unknown as Readable;
}

async function listAll(body: Readable, options?: ListingOptions) {
  const entries: FileEntry[] = [];
  const listing = listFolderTar(body, { entries: (b) => (entries.push(...b), true), progress: () => {} }, options);
  return { ...(await listing.done), entries };
}

describe('listFolderTar', () => {
  it('lists the direct children with sizes, and a folder with the bytes beneath it', async () => {
    const { complete, entries } = await listAll(
      folderTar([
        { name: 'data/', type: 'directory' },
        { name: 'data/a.txt', size: 3 },
        { name: 'data/sub/', type: 'directory' },
        { name: 'data/sub/x', size: 1000 },
        { name: 'data/sub/deeper/', type: 'directory' },
        { name: 'data/sub/deeper/y', size: 24 },
        { name: 'data/z-link', type: 'symlink', linkname: 'a.txt' },
      ]),
    );
    expect(complete).toBe(true);
    expect(entries).toEqual([
      { name: 'a.txt', type: 'file', size: 3, mode: 0o640, mtime: 1_700_000_000 },
      expect.objectContaining({ name: 'sub', type: 'directory', size: 0, totalSize: 1024 }),
      expect.objectContaining({ name: 'z-link', type: 'symlink', linkTarget: 'a.txt' }),
    ]);
  });

  it('reads the root folder the engine names "/" and a "/." folder named "./"', async () => {
    const root = await listAll(folderTar([{ name: '/', type: 'directory' }, { name: '/bin/', type: 'directory' }, { name: '/bin/sh', size: 5 }, { name: '/.dockerenv' }]));
    expect(root.entries.map((e) => [e.name, e.totalSize])).toEqual([
      ['bin', 5],
      ['.dockerenv', undefined],
    ]);
    const dot = await listAll(folderTar([{ name: './', type: 'directory' }, { name: './f', size: 2 }]));
    expect(dot.entries.map((e) => e.name)).toEqual(['f']);
  });

  const fifty = () => [{ name: 'big/', type: 'directory' as const }, ...Array.from({ length: 50 }, (_, i) => ({ name: `big/f${String(i).padStart(2, '0')}` }))];

  it('sends the first entries up to the limit and counts the rest', async () => {
    const { complete, total, matched, entries } = await listAll(folderTar(fifty()), { limit: 10 });
    expect({ complete, total, matched }).toEqual({ complete: false, total: 50, matched: 50 });
    expect(entries.map((e) => e.name)).toEqual(Array.from({ length: 10 }, (_, i) => `f${String(i).padStart(2, '0')}`));
  });

  it('sends only the names that match a filter, whatever their place past the limit', async () => {
    const { complete, total, matched, entries } = await listAll(folderTar(fifty()), { limit: 10, filter: 'F4' });
    expect({ complete, total, matched }).toEqual({ complete: true, total: 50, matched: 10 });
    expect(entries.map((e) => e.name)).toEqual(Array.from({ length: 10 }, (_, i) => `f4${i}`));
  });

  it('counts a folder the filter leaves out without its subtree', async () => {
    const { total, matched, entries } = await listAll(
      folderTar([{ name: 'd/', type: 'directory' }, { name: 'd/keep/', type: 'directory' }, { name: 'd/keep/x', size: 4 }, { name: 'd/other/', type: 'directory' }, { name: 'd/other/keep-not', size: 9 }]),
      { filter: 'keep' },
    );
    expect({ total, matched }).toEqual({ total: 2, matched: 1 });
    expect(entries).toEqual([expect.objectContaining({ name: 'keep', totalSize: 4 })]);
  });

  it('pauses while the consumer is behind and goes on when it drains', async () => {
    const many = [{ name: 'big/', type: 'directory' as const }, ...Array.from({ length: 1200 }, (_, i) => ({ name: `big/f${i}` }))];
    const batches: number[] = [];
    // A clock that stands still: batches go by size alone (500), whatever the machine's load.
    const listing = listFolderTar(folderTar(many), { entries: (b) => (batches.push(b.length), false), progress: () => {} }, { now: () => 0 });
    const result = await Promise.race([listing.done, new Promise((r) => setTimeout(() => r('paused'), 200))]);
    expect(result).toBe('paused');
    expect(batches).toEqual([500]);
    const drainUntilDone = setInterval(() => listing.drained(), 5);
    await listing.done;
    clearInterval(drainUntilDone);
    expect(batches.reduce((a, b) => a + b, 0)).toBe(1200);
  });

  it('fails on a stream that is not a tar', async () => {
    const listing = listFolderTar(Readable.from([Buffer.from('definitely not a tar archive'.repeat(40))]), { entries: () => true, progress: () => {} });
    await expect(listing.done).rejects.toThrow();
  });
});
