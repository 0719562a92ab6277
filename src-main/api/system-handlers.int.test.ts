import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readJsonLines } from '../engine/connection/json-lines';
import {
  closeFixtureClient,
  createTestContainer,
  ensureBusyboxImage,
  fixtureClient,
  removeTestImage,
  removeTestObjects,
  TEST_LABELS,
  TEST_RUN_ID,
  TEST_RUN_LABEL,
  uniqueName,
} from '../test-support/engine-fixtures';
import { createTar } from '../test-support/tar';
import { dfMismatches, dockerSystemDf } from '../test-support/docker-df';
import { startStorageHarness, type StorageHarness } from '../test-support/storage-harness';

let h: StorageHarness;
/** Build cache records and images this file made: cleaned up even when a test fails halfway. */
const madeCache = new Set<string>();
const madeImages: string[] = [];

beforeAll(async () => {
  await ensureBusyboxImage();
  h = await startStorageHarness();
});

afterAll(async () => {
  for (const tag of madeImages) await removeTestImage(tag);
  if (madeCache.size > 0) {
    await fixtureClient().request({
      method: 'POST',
      path: '/build/prune',
      query: { all: true, filters: JSON.stringify({ id: [`^(${[...madeCache].join('|')})$`] }) },
      action: 'remove test build cache',
    });
  }
  await h.dispose();
  await removeTestObjects();
  closeFixtureClient();
});

describe('disk usage', () => {
  it("agrees with `docker system df` on the same engine (read right before and after, as others work on it too)", async () => {
    let problems: string[] = [];
    // Another developer's test may create or remove something between the readings and
    // cross back; a few tries tell that from a real disagreement.
    for (let attempt = 0; attempt < 3; attempt++) {
      const before = await dockerSystemDf();
      const ours = await h.call('system.diskUsage', {});
      const after = await dockerSystemDf();
      problems = dfMismatches(ours, before, after);
      if (problems.length === 0) break;
    }
    expect(problems).toEqual([]);
  });
});

describe('stopped containers clean-up', () => {
  it('previews exactly the stopped containers and removes exactly those, with the space their layers held', async () => {
    const running = await createTestContainer({ name: uniqueName('keep-running') });
    const created = await createTestContainer({ name: uniqueName('created'), start: false });
    const exited = await createTestContainer({ name: uniqueName('exited'), cmd: ['sh', '-c', 'head -c 300000 /dev/urandom > /junk'] });
    await fixtureClient().request({ method: 'POST', path: `/containers/${exited.id}/wait`, action: 'wait' });

    const preview = await h.call('containers.prunePreview', { labels: [`${TEST_RUN_LABEL}=${TEST_RUN_ID}`] });
    const ids = preview.items.map((i) => i.id);
    expect(ids.sort()).toEqual([created.id, exited.id].sort());
    const exitedItem = preview.items.find((i) => i.id === exited.id)!;
    expect(exitedItem).toMatchObject({ name: exited.name, state: 'exited' });
    expect(exitedItem.size).toBeGreaterThanOrEqual(300_000);

    const result = await h.call('containers.prune', { ids });
    expect(result.removed.map((r) => r.id).sort()).toEqual(ids.sort());
    expect(result.failed).toEqual([]);
    expect(result.spaceReclaimed).toBe(preview.items.reduce((sum, i) => sum + (i.size ?? 0), 0));
    const left = (await fixtureClient().listContainers({ label: [`${TEST_RUN_LABEL}=${TEST_RUN_ID}`] })).map((c) => c.Id);
    expect(left).toContain(running.id);
    expect(left).not.toContain(created.id);
  });

  it('leaves a container that started after the preview, and says so', async () => {
    const late = await createTestContainer({ name: uniqueName('late'), start: false });
    const preview = await h.call('containers.prunePreview', { labels: [`${TEST_RUN_LABEL}=${TEST_RUN_ID}`] });
    expect(preview.items.map((i) => i.id)).toContain(late.id);
    await fixtureClient().startContainer({ id: late.id });
    const result = await h.call('containers.prune', { ids: [late.id] });
    expect(result).toEqual({ removed: [], failed: [{ name: late.id.slice(0, 12), message: 'it is running now, or was already removed' }], spaceReclaimed: 0 });
  });
});

describe('build cache clean-up', () => {
  /** A BuildKit build (API `version=2`: the engine's own BuildKit, no CLI plugin needed) that leaves cache records. */
  async function buildKitBuild(tag: string): Promise<void> {
    const context = createTar([
      { name: 'Dockerfile', content: 'FROM scratch\nCOPY a.bin /a.bin\nCOPY b.bin /b.bin\n' },
      { name: 'a.bin', content: randomBytes(40_000) },
      { name: 'b.bin', content: randomBytes(20_000) },
    ]);
    const out = await fixtureClient().request<NodeJS.ReadableStream>({
      method: 'POST',
      path: '/build',
      query: { version: '2', t: tag, labels: JSON.stringify(TEST_LABELS) },
      upload: Readable.from([context]),
      response: 'stream',
      action: 'build',
    });
    const lines = await readJsonLines(out);
    const failure = lines.find((l) => typeof (l as { error?: unknown }).error === 'string');
    if (failure) throw new Error(JSON.stringify(failure));
  }

  const cacheIds = async () => {
    const raw = await fixtureClient().request<{ BuildCache?: { ID: string }[] | null }>({ method: 'GET', path: '/system/df', action: 'df' });
    return new Set((raw.BuildCache ?? []).map((r) => r.ID));
  };

  it('removes exactly the records the preview listed; records shared with an image only when all is chosen', async () => {
    const before = await cacheIds();
    const tag = `berth-test/buildkit-${randomBytes(4).toString('hex')}:1`;
    madeImages.push(tag);
    await buildKitBuild(tag);
    const mine = [...(await cacheIds())].filter((id) => !before.has(id));
    for (const id of mine) madeCache.add(id);
    expect(mine.length).toBeGreaterThan(0);

    const dangling = (await h.call('buildCache.prunePreview', { all: false })).items.filter((r) => mine.includes(r.id));
    const all = (await h.call('buildCache.prunePreview', { all: true })).items.filter((r) => mine.includes(r.id));
    expect(dangling.every((r) => !r.shared && !r.inUse)).toBe(true);
    // The image's own layers are shared with it: only "all" lists them.
    expect(all.some((r) => r.shared)).toBe(true);
    expect(all.length).toBeGreaterThan(dangling.length);

    const first = await h.call('buildCache.prune', { all: false, ids: dangling.map((r) => r.id) });
    expect(first.removed.sort()).toEqual(dangling.map((r) => r.id).sort());
    expect(first.spaceReclaimed).toBe(dangling.reduce((sum, r) => sum + r.size, 0));
    const after = await cacheIds();
    const danglingIds = new Set(dangling.map((r) => r.id));
    for (const r of all.filter((x) => !danglingIds.has(x.id))) expect(after.has(r.id), r.id).toBe(true);

    await removeTestImage(tag);
    const rest = [...after].filter((id) => mine.includes(id));
    const second = await h.call('buildCache.prune', { all: true, ids: rest });
    expect(second.removed.sort()).toEqual(rest.sort());
    const finally_ = await cacheIds();
    for (const id of mine) expect(finally_.has(id)).toBe(false);
  });
});



