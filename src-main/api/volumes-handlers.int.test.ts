import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../src-common/contract/errors';
import type { VolumeChange } from '../../src-common/models/volumes';
import {
  closeFixtureClient,
  ensureBusyboxImage,
  fixtureClient,
  removeTestContainer,
  removeTestObjects,
  TEST_LABELS,
  TEST_RUN_ID,
  TEST_RUN_LABEL,
  uniqueName,
  waitFor,
} from '../test-support/engine-fixtures';
import { startStorageHarness, type StorageHarness } from '../test-support/storage-harness';
import { createVolumeHelpers, HELPER_KIND } from '../engine/volumes/volume-helpers';
import { hostname } from 'node:os';

const labelLines = Object.entries(TEST_LABELS)
  .map(([k, v]) => `${k}=${v}`)
  .join('\n');
const RUN_FILTER = [`${TEST_RUN_LABEL}=${TEST_RUN_ID}`];
let h: StorageHarness;
const changes: VolumeChange[] = [];

async function createVolume(name: string): Promise<string> {
  const outcome = await h.call('volumes.create', { name, driver: 'local', labels: labelLines, options: '' });
  if (outcome.kind !== 'created') throw new Error(JSON.stringify(outcome));
  return outcome.name;
}

/** A never-started container that mounts the volume: a user of it as much as a running one. */
const holderOf = (volume: string) =>
  fixtureClient().createContainer({
    name: uniqueName('holder'),
    Image: 'berth-test/busybox:1',
    Cmd: ['true'],
    Labels: { ...TEST_LABELS },
    HostConfig: { Binds: [`${volume}:/data`] },
  });

const helperContainers = async (volume?: string) =>
  (await fixtureClient().listContainers({ label: [`berth.helper=${HELPER_KIND}`] })).filter(
    (c) => volume === undefined || c.Labels?.['berth.helper.volume'] === volume,
  );

beforeAll(async () => {
  await ensureBusyboxImage();
  h = await startStorageHarness();
  const live = h.open('volumes.changes', {});
  changes.push(...live.chunks);
  live.chunks.push = (...items: VolumeChange[]) => changes.push(...items);
  await waitFor(() => changes.some((c) => c.kind === 'snapshot'), { timeoutMs: 15_000, description: 'volumes snapshot' });
});

afterAll(async () => {
  await h.dispose();
  await removeTestObjects();
  closeFixtureClient();
});

const lastRow = (name: string) => {
  for (let i = changes.length - 1; i >= 0; i--) {
    const c = changes[i]!;
    if (c.kind === 'upsert' && c.volume.name === name) return c.volume;
    if (c.kind === 'remove' && c.name === name) return null;
    if (c.kind === 'snapshot') return c.volumes.find((v) => v.name === name) ?? null;
  }
  return undefined;
};

describe('volumes: the live list', () => {
  it('follows a volume from create, through "used by" as a container comes and goes, to destroy', async () => {
    const name = await createVolume(uniqueName('live'));
    await waitFor(() => lastRow(name), { description: 'upsert of the new volume' });
    expect(lastRow(name)).toMatchObject({ name, driver: 'local', anonymous: false, usedBy: [], labels: TEST_LABELS });

    const mounting = await holderOf(name);
    await waitFor(() => lastRow(name)?.usedBy.length === 1, { description: 'used by the container' });
    expect(lastRow(name)!.usedBy[0]).toMatchObject({ id: mounting.id, state: 'created' });

    await removeTestContainer(mounting.id);
    await waitFor(() => lastRow(name)?.usedBy.length === 0, { description: 'used by nobody again' });

    await h.call('volumes.remove', { name });
    await waitFor(() => lastRow(name) === null, { description: 'removed from the list' });
  });
});

describe('volumes: create and remove', () => {
  it('checks every field before the engine is called', async () => {
    const bad = await h.call('volumes.create', { name: 'a/b', driver: 'local', labels: 'has space=1', options: 'nope=1' });
    expect(bad).toEqual({
      kind: 'invalid',
      problems: {
        name: expect.stringContaining('"a/b" is not a valid volume name'),
        labels: expect.stringContaining('is not a label key'),
        options: expect.stringContaining('The local driver has no option "nope"'),
      },
    });
    const name = await createVolume(uniqueName('dup'));
    expect(await h.call('volumes.create', { name, driver: 'local', labels: '', options: '' })).toEqual({
      kind: 'invalid',
      problems: { name: `A volume named "${name}" already exists.` },
    });
    expect(await h.call('volumes.create', { name: uniqueName('drv'), driver: 'no-such-driver', labels: '', options: '' })).toMatchObject({
      kind: 'invalid',
      problems: { driver: expect.stringContaining('no-such-driver') },
    });
  });

  it('refuses a name with a slash at the boundary for every call', async () => {
    await expect(h.call('volumes.remove', { name: 'a/../b' })).rejects.toMatchObject({ code: 'invalid-request' });
    expect(() => h.open('volumes.browse', { name: '../etc' })).toThrow(/volume name/);
  });

  it('creates with driver options and an anonymous name', async () => {
    const named = uniqueName('opts');
    const outcome = await h.call('volumes.create', { name: named, driver: 'local', labels: labelLines, options: 'type=tmpfs\ndevice=tmpfs\no=size=1m' });
    expect(outcome).toEqual({ kind: 'created', name: named });
    await waitFor(() => lastRow(named), { description: 'the volume with options' });
    expect(lastRow(named)!.options).toEqual({ type: 'tmpfs', device: 'tmpfs', o: 'size=1m' });
    const anon = await h.call('volumes.create', { name: '', driver: 'local', labels: labelLines, options: '' });
    expect(anon.kind === 'created' && /^[0-9a-f]{64}$/.test(anon.name)).toBe(true);
    if (anon.kind === 'created') {
      await waitFor(() => lastRow(anon.name), { description: 'the anonymous volume' });
      expect(lastRow(anon.name)!.anonymous).toBe(true);
    }
  });

  it('refuses to remove a volume a stopped container uses, naming the container', async () => {
    const name = await createVolume(uniqueName('inuse'));
    const holder = await holderOf(name);
    await waitFor(() => lastRow(name)?.usedBy.length === 1, { description: 'holder seen' });
    const holderName = lastRow(name)!.usedBy[0]!.name;
    const err = await h.call('volumes.remove', { name }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ code: 'conflict', message: `Cannot remove volume ${name}: it is used by container ${holderName} (created). Remove it first.` });
    await removeTestContainer(holder.id);
    await waitFor(() => lastRow(name)?.usedBy.length === 0, { description: 'holder gone' });
    await h.call('volumes.remove', { name });
  });
});

describe('volumes: prune', () => {
  it('removes exactly what the preview showed: anonymous unused ones, never named ones unless chosen', async () => {
    const named = await createVolume(uniqueName('keep'));
    const anon = (await h.call('volumes.create', { name: '', driver: 'local', labels: labelLines, options: '' })) as { name: string };
    const usedAnon = (await h.call('volumes.create', { name: '', driver: 'local', labels: labelLines, options: '' })) as { name: string };
    const holder = await holderOf(usedAnon.name);
    await waitFor(() => lastRow(usedAnon.name)?.usedBy.length === 1, { description: 'holder seen' });

    const preview = await h.call('volumes.prunePreview', { scope: 'anonymous', labels: RUN_FILTER });
    expect(preview.engineRule).toBe('all-unused'); // API 1.41: `docker volume prune` would take the named one
    const previewed = preview.items.map((i) => i.name);
    expect(previewed).toContain(anon.name);
    expect(previewed).not.toContain(named);
    expect(previewed).not.toContain(usedAnon.name);
    expect(preview.namedKept).toBeGreaterThanOrEqual(1);

    const result = await h.call('volumes.prune', { scope: 'anonymous', names: previewed, labels: RUN_FILTER });
    expect(result.removed.sort()).toEqual([...previewed].sort());
    expect(result.failed).toEqual([]);
    const left = (await fixtureClient().listVolumes({ label: RUN_FILTER })).map((v) => v.Name);
    expect(left).toContain(named);
    expect(left).toContain(usedAnon.name);
    for (const gone of previewed) expect(left).not.toContain(gone);

    const all = await h.call('volumes.prunePreview', { scope: 'all', labels: RUN_FILTER });
    expect(all.items.map((i) => i.name)).toContain(named);
    const second = await h.call('volumes.prune', { scope: 'all', names: [named], labels: RUN_FILTER });
    expect(second).toMatchObject({ removed: [named], failed: [] });
    await removeTestContainer(holder.id);
  });

  it('leaves a volume a container started using after the preview, and says why', async () => {
    const name = await createVolume(uniqueName('late'));
    const preview = await h.call('volumes.prunePreview', { scope: 'all', labels: RUN_FILTER });
    expect(preview.items.map((i) => i.name)).toContain(name);
    const late = await holderOf(name);
    const result = await h.call('volumes.prune', { scope: 'all', names: [name], labels: RUN_FILTER });
    expect(result).toEqual({ removed: [], failed: [{ name, message: 'a container uses it now' }], spaceReclaimed: 0, sizesMeasuredAt: null });
    await removeTestContainer(late.id);
  });

  it('refuses a named volume in an anonymous-only prune even when its name is sent', async () => {
    const name = await createVolume(uniqueName('sneak'));
    const result = await h.call('volumes.prune', { scope: 'anonymous', names: [name], labels: RUN_FILTER });
    expect(result.removed).toEqual([]);
    expect(result.failed).toEqual([{ name, message: 'it is a named volume, and named volumes were not chosen' }]);
  });
});

describe('volumes: browsing helpers', () => {
  it('makes a labelled, never-started helper for a session and removes it when the stream ends', async () => {
    const name = await createVolume(uniqueName('browse'));
    const stream = h.open('volumes.browse', { name });
    await waitFor(() => stream.chunks.length > 0 || stream.ends.length > 0, { timeoutMs: 15_000, description: 'ready' });
    expect(stream.chunks[0]).toMatchObject({ kind: 'ready', volume: name });
    const helpers = await helperContainers(name);
    expect(helpers).toHaveLength(1);
    expect(helpers[0]!.State).toBe('created');
    // The helper is plumbing: no "used by", no row on the containers page.
    expect(lastRow(name)?.usedBy).toEqual([]);
    expect(h.engine.watcher.current()!.some((c) => c.id === helpers[0]!.Id)).toBe(false);
    stream.handle.cancel();
    await waitFor(async () => (await helperContainers(name)).length === 0, { timeoutMs: 10_000, description: 'helper removed' });
  });

  it('leaves no helper behind when the browse is cancelled halfway through opening', async () => {
    const name = await createVolume(uniqueName('cancel'));
    // Every open makes exactly one helper; count them coming and going in the engine's events.
    const seen = { create: 0, destroy: 0 };
    const stop = h.engine.events.subscribe({
      onEvent: (e) => {
        if (e.type === 'container' && e.attributes['berth.helper.volume'] === name && (e.action === 'create' || e.action === 'destroy')) seen[e.action] += 1;
      },
    });
    for (let i = 0; i < 3; i++) {
      const stream = h.open('volumes.browse', { name });
      // Cancelled before `ready`: the helper does not exist yet, or is half-made.
      await new Promise((resolve) => setImmediate(resolve));
      stream.handle.cancel();
      expect(stream.chunks).toEqual([]);
    }
    await waitFor(() => seen.create === 3 && seen.destroy === 3, { timeoutMs: 15_000, description: 'three helpers made and removed' });
    stop();
    expect(await helperContainers(name)).toEqual([]);
  });

  it('removing a volume being browsed here ends that session first', async () => {
    const name = await createVolume(uniqueName('rmbrowse'));
    const stream = h.open('volumes.browse', { name });
    await waitFor(() => stream.chunks.length > 0, { timeoutMs: 15_000, description: 'ready' });
    await h.call('volumes.remove', { name });
    expect(stream.ends).toEqual([{ reason: 'complete' }]);
    expect(await helperContainers(name)).toEqual([]);
  });

  it('says so when there is no image to make a helper from', async () => {
    // Fault injection by a stand-in client: this shared engine always has images.
    const helpers = createVolumeHelpers({
      owner: { instance: 'x', host: 'h', pid: 1 },
      requireClient: () =>
        ({
          request: async (req: { path: string }) => (req.path === '/images/json' ? [] : {}),
        }) as never,
    });
    await expect(helpers.open('pgdata')).rejects.toMatchObject({
      code: 'not-found',
      message: 'Browsing a volume needs one image on the engine; pull or build any image.',
    });
  });

  it("sweeps a dead Berth's helpers and leaves a live one's", async () => {
    const name = await createVolume(uniqueName('sweep'));
    const client = fixtureClient();
    const dead = createVolumeHelpers({ requireClient: () => client, owner: { instance: 'dead', host: hostname(), pid: 0x7ffffff0 } });
    const live = createVolumeHelpers({ requireClient: () => client, owner: { instance: 'live', host: hostname(), pid: process.pid } });
    const foreign = createVolumeHelpers({ requireClient: () => client, owner: { instance: 'far', host: 'another-machine', pid: 1 } });
    const d = await dead.open(name);
    const l = await live.open(name);
    const f = await foreign.open(name);
    const me = createVolumeHelpers({ requireClient: () => client, owner: { instance: 'me', host: hostname(), pid: process.pid } });
    const swept = await me.sweep();
    expect(swept).toContain(d.containerId);
    expect(swept).not.toContain(l.containerId);
    expect(swept).not.toContain(f.containerId); // another machine's, younger than an hour
    const later = createVolumeHelpers({ requireClient: () => client, owner: { instance: 'me', host: hostname(), pid: process.pid }, now: () => Date.now() + 2 * 3600_000 });
    expect(await later.sweep()).toContain(f.containerId);
    await live.close(l.session);
    expect(await helperContainers(name)).toEqual([]);
  });
});
