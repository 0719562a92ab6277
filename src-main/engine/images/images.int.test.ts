import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../../src-common/contract/errors';
import type { ImageChange } from '../../../src-common/models/images';
import {
  buildTestImage,
  closeFixtureClient,
  createTestContainer,
  ensureBusyboxImage,
  fixtureClient,
  removeTestContainer,
  removeTestImage,
  TEST_IMAGE,
  waitFor,
} from '../../test-support/engine-fixtures';
import { createEngine, type Engine } from '../index';
import { createImagesService } from './images-service';
import { createImagesWatcher } from './images-watcher';
import type { RawImageInspect } from './images-types';
import { chainIds } from './layers-analysis';
import { createLayerIndex } from './layers-index';

const run = randomBytes(4).toString('hex');
const name = (what: string, tag = '1') => `berth-test/img-${what}-${run}:${tag}`;
const images: string[] = [];
const containers: string[] = [];

const service = createImagesService({
  requireClient: () => fixtureClient(),
  layers: createLayerIndex(),
  liveImages: () => null,
  containerName: () => undefined,
});

const inspect = (ref: string) =>
  fixtureClient().request<RawImageInspect>({ method: 'GET', path: `/images/${encodeURIComponent(ref)}/json`, action: 'inspect' });
const history = (ref: string) =>
  fixtureClient().request<{ CreatedBy: string; Size: number }[]>({
    method: 'GET',
    path: `/images/${encodeURIComponent(ref)}/history`,
    action: 'history',
  });

async function build(tag: string, lines: string[], files: Record<string, string | Buffer> = {}, labels: Record<string, string> = {}) {
  const id = await buildTestImage(tag, lines, files, labels);
  images.push(tag, id);
  return id;
}

beforeAll(async () => {
  await ensureBusyboxImage();
});

afterAll(async () => {
  for (const id of containers) await removeTestContainer(id);
  for (const ref of images.reverse()) await removeTestImage(ref);
  closeFixtureClient();
});

describe('Layers view against the engine', () => {
  it('matches the engine history of a multi-layer image: count, instructions, sizes, diff ids', async () => {
    const tag = name('multi');
    const id = await build(tag, [
      `FROM ${TEST_IMAGE}`,
      'RUN echo hello > /hello.txt',
      'ENV GREETING=hi',
      'COPY data.bin /data.bin',
      'RUN rm /hello.txt',
      'CMD ["sh"]',
    ], { 'data.bin': randomBytes(10_000) });
    const layers = await service.layers(tag);
    const engineHistory = (await history(tag)).reverse();
    const raw = await inspect(tag);

    expect(layers.id).toBe(id);
    expect(layers.entries).toHaveLength(engineHistory.length);
    expect(layers.entries.map((e) => e.size)).toEqual(engineHistory.map((h) => h.Size));
    expect(layers.entries.map((e) => e.createdBy)).toEqual(engineHistory.map((h) => h.CreatedBy));
    const instructions = layers.entries.map((e) => e.instruction);
    expect(instructions).toContain('ENV GREETING=hi');
    expect(instructions.some((i) => i.startsWith('COPY ') && i.endsWith('/data.bin'))).toBe(true);
    expect(instructions.filter((i) => i.startsWith('RUN /bin/sh -c echo hello'))).toHaveLength(1);
    expect(layers.matching).toBe('instructions');
    // Every layer the engine lists is matched, in order, to exactly one entry.
    const diffIds = raw.RootFS!.Layers!;
    expect(layers.entries.filter((e) => e.diffId).map((e) => e.diffId)).toEqual(diffIds);
    expect(layers.chainIds).toEqual(chainIds(diffIds));
    expect(layers.entries.find((e) => e.instruction === 'ENV GREETING=hi')!.addsLayer).toBe(false);
    const copy = layers.entries.find((e) => e.instruction.startsWith('COPY ') && e.instruction.endsWith('/data.bin'))!;
    expect(copy.size).toBeGreaterThanOrEqual(10_000);
    expect(copy.diffId).not.toBeNull();
  });

  it('falls back to sizes, and says so, when a RUN changed nothing (the classic builder then adds no layer)', async () => {
    const tag = name('noop');
    await build(tag, [`FROM ${TEST_IMAGE}`, 'RUN true', 'WORKDIR /', 'COPY n.bin /n.bin'], { 'n.bin': randomBytes(2000) });
    const layers = await service.layers(tag);
    const diffIds = (await inspect(tag)).RootFS!.Layers!;
    expect(layers.matching).toBe('size');
    expect(layers.entries.filter((e) => e.diffId).map((e) => e.diffId)).toEqual(diffIds);
    expect(layers.entries.find((e) => e.instruction === 'RUN /bin/sh -c true')!.diffId).toBeNull();
    expect(layers.entries.filter((e) => e.diffId).every((e) => e.size > 0)).toBe(true);
  });

  it('shows shared layers and the right unique sizes for two images on one base', async () => {
    const [tagA, tagB] = [name('sib-a'), name('sib-b')];
    const idA = await build(tagA, [`FROM ${TEST_IMAGE}`, 'COPY a.bin /a.bin'], { 'a.bin': randomBytes(5000) });
    await build(tagB, [`FROM ${TEST_IMAGE}`, 'COPY b.bin /b.bin'], { 'b.bin': randomBytes(7000) });
    const [rawA, rawB, rawBase] = await Promise.all([inspect(tagA), inspect(tagB), inspect(TEST_IMAGE)]);
    const baseLayers = rawBase.RootFS!.Layers!;
    // The engine's own data: B and A share exactly the base's layers.
    expect(rawA.RootFS!.Layers!.slice(0, baseLayers.length)).toEqual(baseLayers);
    expect(rawB.RootFS!.Layers!.slice(0, baseLayers.length)).toEqual(baseLayers);

    const layers = await service.layers(tagA);
    const withLayer = layers.entries.filter((e) => e.chainId);
    const baseEntries = withLayer.slice(0, baseLayers.length);
    for (const e of baseEntries) {
      expect(e.sharedWith.map((s) => s.name)).toEqual(expect.arrayContaining([tagB, TEST_IMAGE]));
    }
    const top = withLayer[withLayer.length - 1]!;
    expect(top.sharedWith.map((s) => s.name)).not.toContain(tagB);
    expect(top.sharedWith).toEqual([]);

    const ownHistory = (await history(tagA)).find((h) => h.CreatedBy.includes('/a.bin'))!;
    expect(layers.sizes.total).toBe(rawA.Size);
    expect(layers.sizes.unique).toBe(ownHistory.Size);
    expect(layers.sizes.shared).toBe(rawBase.Size);
    expect(layers.sizes.unique).toBe(rawA.Size! - rawBase.Size!);

    // The family tree puts A and B side by side under the base image.
    const family = await service.family();
    const find = (nodes: typeof family.roots, id: string): (typeof family.roots)[number] | undefined => {
      for (const n of nodes) {
        if (n.images.some((i) => i.id === id)) return n;
        const inner = find(n.children, id);
        if (inner) return inner;
      }
      return undefined;
    };
    const baseNode = find(family.roots, rawBase.Id)!;
    expect(baseNode.chainId).toBe(chainIds(baseLayers).at(-1));
    const childNames = baseNode.children.flatMap((c) => c.images.map((i) => i.name));
    expect(childNames).toEqual(expect.arrayContaining([tagA, tagB]));
    expect(family.sizes[idA]).toEqual(layers.sizes);
  });

  it('computes chain ids the engine uses (the deleted layer of a removed image)', async () => {
    const tag = name('chain');
    await build(tag, [`FROM ${TEST_IMAGE}`, 'COPY c.bin /c.bin'], { 'c.bin': randomBytes(3000) });
    const layers = await service.layers(tag);
    const result = await service.remove(tag, undefined, false);
    // The engine reports removed layers by chain id: ours must be the same string.
    expect(result.deleted).toContain(layers.chainIds.at(-1));
    expect(result.deleted).toContain(layers.id);
  });
});

describe('changed paths', () => {
  it('are an empty list for a container that wrote nothing (the engine says null), and the paths once it did', async () => {
    const quiet = await createTestContainer({ start: false });
    containers.push(quiet.id);
    await expect(service.changedPaths(quiet.id)).resolves.toEqual([]);
    const busy = await createTestContainer({ start: true, cmd: ['sh', '-c', 'echo x > /made-here; sleep 30'] });
    containers.push(busy.id);
    await waitFor(async () => (await service.changedPaths(busy.id)).some((c) => c.path === '/made-here'));
  });
});

describe('remove', () => {
  it('untags one name of an image with several, and deletes by id', async () => {
    const [t1, t2] = [name('two', 'a'), name('two', 'b')];
    const id = await build(t1, [`FROM ${TEST_IMAGE}`, 'LABEL two=1']);
    await service.tag(id, t2);
    images.push(t2);
    const untag = await service.remove(id, t1, false);
    expect(untag.untagged).toEqual([t1]);
    expect(untag.deleted).toEqual([]);
    expect((await inspect(id)).RepoTags).toEqual([t2]);
    const del = await service.remove(id, undefined, false);
    expect(del.deleted).toContain(id);
    await expect(inspect(id)).rejects.toMatchObject({ code: 'not-found' });
  });

  it('refuses to remove an image a container uses, naming the container, before asking the engine', async () => {
    const tag = name('used');
    const id = await build(tag, [`FROM ${TEST_IMAGE}`, 'LABEL used=1']);
    const c = await createTestContainer({ image: tag, start: false });
    containers.push(c.id);
    for (const attempt of [() => service.remove(id, undefined, false), () => service.remove(id, tag, false)]) {
      const err = (await attempt().catch((e: unknown) => e)) as ApiError;
      expect(err).toBeInstanceOf(ApiError);
      expect(err.code).toBe('conflict');
      expect(err.message).toContain(c.name);
    }
    expect((await inspect(id)).RepoTags).toEqual([tag]);
    // A running user is refused even with force.
    await fixtureClient().startContainer({ id: c.id });
    const forced = (await service.remove(id, undefined, true).catch((e: unknown) => e)) as ApiError;
    expect(forced.code).toBe('conflict');
    expect(forced.message).toContain(c.name);
    expect((await inspect(id)).RepoTags).toEqual([tag]);
  });
});

describe('save and load', () => {
  it('saves an image to a .tar and loads it back after removal', async () => {
    const tag = name('saved');
    const id = await build(tag, [`FROM ${TEST_IMAGE}`, 'COPY s.bin /s.bin'], { 's.bin': randomBytes(1500) });
    const dir = await mkdtemp(join(tmpdir(), 'berth-save-'));
    const file = join(dir, 'saved.tar');
    try {
      await pipeline(await service.saveStream([tag], new AbortController().signal), createWriteStream(file));
      expect((await stat(file)).size).toBeGreaterThan(1500);
      await service.remove(tag, undefined, false);
      await expect(inspect(id)).rejects.toMatchObject({ code: 'not-found' });
      const { loaded } = await service.load(file);
      expect(loaded).toEqual([tag]);
      expect((await inspect(tag)).Id).toBe(id);
      await expect(service.load(join(dir, 'missing.tar'))).rejects.toMatchObject({ code: 'not-found' });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('prune', () => {
  it('removes exactly what the preview showed, in both modes, and reports the space', async () => {
    const label = `berth.test.prune=${run}`;
    const labels = { 'berth.test.prune': run };
    const tag = name('prune');
    // Built twice: the first build loses its tag and becomes dangling.
    const first = await build(tag, [`FROM ${TEST_IMAGE}`, 'COPY p.bin /p.bin'], { 'p.bin': randomBytes(4000) }, labels);
    const second = await build(tag, [`FROM ${TEST_IMAGE}`, 'COPY p.bin /p.bin'], { 'p.bin': randomBytes(4100) }, labels);
    expect(second).not.toBe(first);
    const usedTag = name('prune-used');
    const used = await build(usedTag, [`FROM ${TEST_IMAGE}`, 'COPY u.bin /u.bin'], { 'u.bin': randomBytes(100) }, labels);
    const c = await createTestContainer({ image: usedTag, start: false });
    containers.push(c.id);

    const dangling = await service.prunePreview('dangling', [label]);
    expect(dangling.items.map((i) => [i.id, i.effect])).toEqual([[first, 'delete']]);
    const prunedDangling = await service.prune('dangling', [label]);
    expect(prunedDangling.deleted.filter((id) => id === first || id === second || id === used)).toEqual([first]);
    expect(prunedDangling.spaceReclaimed).toBe(dangling.estimatedSpace);
    expect(prunedDangling.spaceReclaimed).toBeGreaterThanOrEqual(4000);

    const unused = await service.prunePreview('unused', [label]);
    expect(unused.items.map((i) => i.id)).toEqual([second]);
    expect(unused.items.map((i) => i.id)).not.toContain(used);
    const prunedUnused = await service.prune('unused', [label]);
    const listedGone = prunedUnused.deleted.filter((id) => [first, second, used].includes(id));
    expect(listedGone).toEqual(unused.items.filter((i) => i.effect === 'delete').map((i) => i.id));
    expect(prunedUnused.spaceReclaimed).toBe(unused.estimatedSpace);
    expect((await inspect(used)).Id).toBe(used);
  });
});

describe('images watcher', () => {
  let engine: Engine;
  const changes: ImageChange[] = [];
  let stop: () => void;

  beforeAll(async () => {
    engine = createEngine();
    engine.start();
    const watcher = createImagesWatcher({
      events: engine.events,
      containers: engine.watcher,
      getClient: () => {
        try {
          return engine.requireClient();
        } catch {
          return null;
        }
      },
    });
    stop = watcher.subscribe((c) => changes.push(c));
    await waitFor(() => changes.some((c) => c.kind === 'snapshot'), { timeoutMs: 15_000, description: 'image snapshot' });
  });
  afterAll(async () => {
    stop();
    await engine.dispose();
  });

  it('patches one image per event: built, used by a container, removed', async () => {
    const tag = name('live');
    const id = await build(tag, [`FROM ${TEST_IMAGE}`, 'LABEL live=1']);
    const upserts = () => changes.filter((c): c is Extract<ImageChange, { kind: 'upsert' }> => c.kind === 'upsert' && c.image.id === id);
    await waitFor(() => upserts().some((u) => u.image.repoTags.includes(tag)), { description: 'built image upsert' });
    const snapshotsBefore = changes.filter((c) => c.kind === 'snapshot').length;

    const c = await createTestContainer({ image: tag });
    containers.push(c.id);
    await waitFor(() => upserts().some((u) => u.image.usedBy.total === 1 && u.image.usedBy.running === 1), {
      timeoutMs: 15_000,
      description: 'used-by count',
    });
    await removeTestContainer(c.id);
    await waitFor(() => upserts().at(-1)?.image.usedBy.total === 0, { description: 'used-by back to 0' });

    await removeTestImage(id);
    await waitFor(() => changes.some((ch) => ch.kind === 'remove' && ch.id === id), { description: 'remove' });
    // Patched, never re-listed.
    expect(changes.filter((ch) => ch.kind === 'snapshot').length).toBe(snapshotsBefore);
  });

  it('shows a rebuilt tag on the new image and the old one as untagged', async () => {
    const tag = name('rebuilt');
    const old = await build(tag, [`FROM ${TEST_IMAGE}`, 'COPY r.bin /r.bin'], { 'r.bin': randomBytes(500) });
    const fresh = await build(tag, [`FROM ${TEST_IMAGE}`, 'COPY r.bin /r.bin'], { 'r.bin': randomBytes(600) });
    const last = (id: string) =>
      changes.filter((c): c is Extract<ImageChange, { kind: 'upsert' }> => c.kind === 'upsert' && c.image.id === id).at(-1)?.image;
    await waitFor(() => last(fresh)?.repoTags.includes(tag), { description: 'tag on the new image' });
    await waitFor(() => last(old)?.repoTags.length === 0, { description: 'old image untagged' });
  });
});
