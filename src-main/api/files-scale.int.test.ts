// A folder of 100,000 entries through the real handlers on the real engine: counted exactly,
// sent in full, and reachable by a name filter.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FileEntry, FileTarget, FolderChunk } from '../../src-common/models/files';
import { closeFixtureClient, createTestContainer, ensureBusyboxImage, removeTestObjects, uniqueName, waitFor } from '../test-support/engine-fixtures';
import { startStorageHarness, type StorageHarness } from '../test-support/storage-harness';

const COUNT = 100_000;
let h: StorageHarness;
let target: FileTarget;

beforeAll(async () => {
  await ensureBusyboxImage();
  h = await startStorageHarness();
  // Names 1…100000 in one folder, then a marker once every one exists.
  const c = await createTestContainer({
    name: uniqueName('files-scale'),
    cmd: ['sh', '-c', `mkdir /big && cd /big && seq 1 ${COUNT} | xargs touch && touch /big.done; trap "exit 0" TERM; while :; do sleep 1 & wait $!; done`],
  });
  target = { kind: 'container', id: c.id };
  await waitFor(() => h.call('files.stat', { target, path: '/big.done' }).then(() => true), { timeoutMs: 120_000, intervalMs: 500, description: 'the 100,000 files' });
}, 180_000);

afterAll(async () => {
  await h?.dispose();
  await removeTestObjects();
  closeFixtureClient();
});

/** Reads a listing to its end, keeping the chunks as the page would receive them. */
async function listBig(filter?: string): Promise<{ done: Extract<FolderChunk, { kind: 'done' }>; entries: FileEntry[] }> {
  const s = h.open('files.list', { target, path: '/big', ...(filter ? { filter } : {}) });
  await waitFor(() => s.ends.length > 0, { timeoutMs: 120_000, description: 'the listing of /big' });
  expect(s.ends[0]!.reason).toBe('complete');
  const done = s.chunks.find((c): c is Extract<FolderChunk, { kind: 'done' }> => c.kind === 'done');
  if (!done) throw new Error('no done chunk');
  return { done, entries: s.chunks.flatMap((c) => (c.kind === 'entries' ? c.entries : [])) };
}

describe('a folder of 100,000 entries', () => {
  it('lists every entry and counts exactly', async () => {
    const { done, entries } = await listBig();
    expect(done).toMatchObject({ complete: true, total: COUNT, matched: COUNT });
    expect(entries).toHaveLength(COUNT);
    const names = new Set(entries.map((e) => e.name));
    expect(names.size).toBe(COUNT);
    for (const n of [1, 50_000, COUNT]) expect(names.has(String(n))).toBe(true);
    expect(entries.every((e) => e.type === 'file' && e.size === 0)).toBe(true);
  }, 180_000);

  it('sends only the names a filter matches, still counting the whole folder', async () => {
    const expected = Array.from({ length: COUNT }, (_, i) => String(i + 1)).filter((n) => n.includes('9999'));
    const { done, entries } = await listBig('9999');
    expect(done).toMatchObject({ complete: true, total: COUNT, matched: expected.length });
    expect(entries.map((e) => e.name).sort()).toEqual(expected.sort());
  }, 180_000);
});
