// Berth against Podman's Docker-compatible API (`podman system service`): the walk a user
// makes — containers, the events stream, volumes and their files, networks, disk usage,
// stats, a container's files — through the real handlers. Runs when BERTH_PODMAN_HOST
// names a Podman service (.ci/run starts one); skips saying why otherwise.
import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FileEntry, FileTarget } from '../../src-common/models/files';
import type { NetworkChange } from '../../src-common/models/networks';
import type { VolumeChange } from '../../src-common/models/volumes';
import { createTestContainer, createTestNetwork, ensureBusyboxImage, removeTestNetwork, removeTestObjects, TEST_IMAGE, TEST_LABELS, uniqueName, waitFor } from '../test-support/engine-fixtures';
import { closePodmanClient, podmanClient, podmanEnv, podmanUnavailable } from '../test-support/podman-engine';
import { readAll, startStorageHarness, type StorageHarness } from '../test-support/storage-harness';

const unavailable = await podmanUnavailable();
if (unavailable) console.warn(`Podman compatibility tests skipped: ${unavailable}`);
const labelLines = Object.entries(TEST_LABELS).map(([k, v]) => `${k}=${v}`).join('\n');
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
let h: StorageHarness;

describe.skipIf(unavailable !== null)(`Berth on Podman${unavailable ? ` (skipped: ${unavailable})` : ''}`, () => {
  beforeAll(async () => {
    await ensureBusyboxImage(TEST_IMAGE, podmanClient());
    h = await startStorageHarness({ env: podmanEnv() });
  }, 120_000);

  afterAll(async () => {
    await h?.dispose();
    await removeTestObjects(podmanClient());
    closePodmanClient();
  });

  const upload = async (target: FileTarget, folder: string, files: Record<string, Buffer>) => {
    const entries = Object.entries(files);
    const offer = await h.call('files.uploadOffer', { target, folder, mode: 'files', files: entries.map(([path, b]) => ({ path, size: b.length })) });
    await h.sendUpload(offer.url, entries.map(([, b]) => b));
  };
  const list = async (target: FileTarget, path: string): Promise<FileEntry[]> => {
    const s = h.open('files.list', { target, path });
    await waitFor(() => s.ends.length > 0, { timeoutMs: 30_000, description: `listing of ${path}` });
    expect(s.ends[0]!.reason).toBe('complete');
    return s.chunks.flatMap((c) => (c.kind === 'entries' ? c.entries : []));
  };
  const download = async (target: FileTarget, path: string) => {
    await h.call('files.download', { target, path });
    return readAll(await h.downloads.at(-1)!.open(new AbortController().signal));
  };

  it('connects and says it is Podman', () => {
    const status = h.engine.connection.current();
    expect(status).toMatchObject({ state: 'connected', engine: { name: 'Podman Engine' } });
  });

  it('follows a container through run and stop on the events stream', async () => {
    const c = await createTestContainer({ name: uniqueName('pm-run') }, podmanClient());
    await waitFor(() => h.engine.watcher.current()?.find((x) => x.id === c.id && x.state === 'running'), { timeoutMs: 15_000, description: 'running in the live list' });
    await h.call('containers.stop', { id: c.id, timeoutSeconds: 1 });
    await waitFor(() => h.engine.watcher.current()?.find((x) => x.id === c.id && x.state === 'exited'), { timeoutMs: 15_000, description: 'exited in the live list' });
  });

  it("lists, uploads and downloads a container's files", async () => {
    const c = await createTestContainer({ name: uniqueName('pm-files') }, podmanClient());
    const target: FileTarget = { kind: 'container', id: c.id };
    expect((await list(target, '/')).map((e) => e.name)).toContain('bin');
    const data = randomBytes(300_000);
    await upload(target, '/', { 'up/data.bin': data });
    expect(await list(target, '/up')).toEqual([expect.objectContaining({ name: 'data.bin', type: 'file', size: data.length })]);
    expect(sha(await download(target, '/up/data.bin'))).toBe(sha(data));
  });

  it('creates a volume (the live list shows it from its event), browses its files, and removes it', async () => {
    const changes = h.open('volumes.changes', {});
    const seen = () => changes.chunks as VolumeChange[];
    const name = uniqueName('pm-vol');
    expect(await h.call('volumes.create', { name, driver: 'local', labels: labelLines, options: '' })).toMatchObject({ kind: 'created' });
    // Podman names the volume in the event's attributes, not its Actor.ID.
    await waitFor(() => seen().some((c) => c.kind === 'upsert' && c.volume.name === name), { timeoutMs: 10_000, description: 'the volume upserted' });

    const browse = h.open('volumes.browse', { name });
    await waitFor(() => browse.chunks.length > 0, { timeoutMs: 15_000, description: 'browse ready' });
    const target: FileTarget = { kind: 'volume', session: browse.chunks[0]!.session };
    const data = randomBytes(100_000);
    await upload(target, '/', { 'data.bin': data, 'conf/app.yml': Buffer.from('a: 1\n') });
    expect((await list(target, '/')).map((e) => e.name).sort()).toEqual(['conf', 'data.bin']);
    expect(sha(await download(target, '/data.bin'))).toBe(sha(data));
    browse.handle.cancel();

    await waitFor(() => h.call('volumes.remove', { name }).then(() => true), { timeoutMs: 15_000, description: 'the volume removed once its helper is gone' });
    await waitFor(() => seen().some((c) => c.kind === 'remove' && c.name === name), { timeoutMs: 10_000, description: 'the volume gone from the live list' });
  });

  it('creates a network, connects a container, shows it in the details and the live list, and removes it', async () => {
    const changes = h.open('networks.changes', {});
    const latest = (name: string) => {
      let net: Extract<NetworkChange, { kind: 'upsert' }>['network'] | undefined;
      for (const c of changes.chunks as NetworkChange[]) {
        if (c.kind === 'snapshot') net = c.networks.find((n) => n.name === name);
        else if (c.kind === 'upsert' && c.network.name === name) net = c.network;
        else if (c.kind === 'remove' && c.id === net?.id) net = undefined;
      }
      return net;
    };
    const name = uniqueName('pm-net');
    const created = await h.call('networks.create', { form: { name, subnet: '10.231.7.0/24', gateway: '', ipRange: '', internal: false, attachable: false, labels: labelLines } });
    expect(created).toMatchObject({ outcome: 'created', name });
    await waitFor(() => latest(name), { timeoutMs: 10_000, description: 'the network in the live list' });

    const c = await createTestContainer({ name: uniqueName('pm-net-user') }, podmanClient());
    expect(await h.call('networks.connect', { form: { network: name, container: c.name, aliases: 'db', ipAddress: '10.231.7.77' } })).toEqual({ outcome: 'connected' });
    const details = await h.call('networks.inspect', { id: name });
    expect(details.endpoints).toEqual([expect.objectContaining({ containerId: c.id, ipv4Address: '10.231.7.77/24' })]);
    await waitFor(() => latest(name)?.endpoints.length === 1, { timeoutMs: 10_000, description: 'the endpoint in the live list' });

    // Stopping the container takes it off: Podman sends no disconnect for that, Berth looks again.
    await h.call('containers.stop', { id: c.id, timeoutSeconds: 1 });
    await waitFor(() => latest(name)?.endpoints.length === 0, { timeoutMs: 15_000, description: 'the endpoint gone after stop' });
    await h.call('containers.remove', { id: c.id, force: true, removeAnonymousVolumes: false });
    await h.call('networks.remove', { id: name });
    await waitFor(() => !latest(name), { timeoutMs: 10_000, description: 'the network gone from the live list' });
  });

  it('shows a network made outside Berth when the list is opened again (Podman sends no create event)', async () => {
    const name = uniqueName('pm-net-cli');
    await createTestNetwork(name, {}, podmanClient());
    const changes = h.open('networks.changes', {});
    await waitFor(() => (changes.chunks as NetworkChange[]).some((c) => c.kind === 'snapshot' && c.networks.some((n) => n.name === name)), {
      timeoutMs: 10_000,
      description: 'the network in a snapshot',
    });
    await removeTestNetwork(name, podmanClient());
  });

  it('measures disk usage', async () => {
    const name = uniqueName('pm-df');
    await h.call('volumes.create', { name, driver: 'local', labels: labelLines, options: '' });
    const usage = await h.call('system.diskUsage', {});
    expect(usage.images.count).toBeGreaterThan(0);
    expect(usage.images.size).toBeGreaterThan(0);
    expect(usage.volumes.count).toBeGreaterThan(0);
    expect(usage.volumeSizes[name]).toBeGreaterThanOrEqual(0);
  });

  it('reads live stats of a running container', async () => {
    const c = await createTestContainer({ name: uniqueName('pm-stats'), cmd: ['sh', '-c', 'head -c 33554432 /dev/zero | tail > /dev/null & while :; do :; done'] }, podmanClient());
    const live = h.open('stats.live', { viewId: `podman-${randomBytes(8).toString('hex')}`, ids: [c.id], totals: false });
    const sample = await waitFor(
      () => live.chunks.flatMap((ch) => (ch.kind === 'samples' ? ch.samples : [])).find((s) => s.id === c.id && s.sample.cpuPercent !== null && s.sample.cpuPercent > 0),
      { timeoutMs: 20_000, description: 'a stats sample with CPU' },
    );
    expect(sample.sample.memoryBytes).toBeGreaterThan(0);
  });
});
