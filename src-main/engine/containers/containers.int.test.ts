import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../../src-common/contract/errors';
import {
  closeFixtureClient,
  createTestContainer,
  ensureBusyboxImage,
  fixtureClient,
  removeTestContainer,
  removeTestVolume,
  uniqueName,
  waitFor,
} from '../../test-support/engine-fixtures';
import { createEngine, type Engine } from '../index';

let engine: Engine;
const createdContainers: string[] = [];
const createdVolumes: string[] = [];

async function testContainer(options: Parameters<typeof createTestContainer>[0] = {}) {
  const c = await createTestContainer(options);
  createdContainers.push(c.id);
  return c;
}

beforeAll(async () => {
  await ensureBusyboxImage();
  engine = createEngine();
  engine.start();
  await waitFor(() => engine.connection.current().state === 'connected', { timeoutMs: 10_000, description: 'connected' });
});

afterAll(async () => {
  await engine.dispose();
  for (const id of createdContainers) await removeTestContainer(id);
  for (const name of createdVolumes) await removeTestVolume(name);
  closeFixtureClient();
});

const stateOf = async (id: string) => (await engine.containers.inspect(id)).summary.state;

describe('containers service against the real engine', () => {
  it('reports the engine it connected to', () => {
    const status = engine.connection.current();
    expect(status.state).toBe('connected');
    if (status.state !== 'connected') return;
    expect(status.engine.name).toBe('Docker Engine');
    expect(status.engine.apiVersion).toMatch(/^1\.\d+$/);
  });

  it('lists a created container with its name, image, labels and published port', async () => {
    const c = await testContainer({ ports: ['80/tcp'], labels: { 'com.docker.compose.project': 'berthproj' } });
    const row = (await engine.containers.list()).find((s) => s.id === c.id);
    expect(row).toMatchObject({
      name: c.name,
      image: 'berth-test/busybox:1',
      state: 'running',
      composeProject: 'berthproj',
      labels: { 'berth.test': '1' },
    });
    // Published on 0.0.0.0 and :: by the engine: one row when both got the same host port.
    // Engine 20.10 sometimes gives the two families different random ports (seen on a
    // busy engine: 0.0.0.0:32850 and :::32848); then both are shown, each with its address.
    const mine = row?.ports.filter((p) => p.privatePort === 80 && p.type === 'tcp') ?? [];
    expect(mine.length).toBe(row?.ports.length);
    expect(mine.every((p) => (p.publicPort ?? 0) > 0)).toBe(true);
    if (mine.length === 2) {
      expect(mine[0]?.publicPort).not.toBe(mine[1]?.publicPort);
      expect(mine.map((p) => p.ip).sort()).toEqual(['0.0.0.0', '::']);
    } else {
      expect(mine).toHaveLength(1);
    }
  });

  it('changes what inspect says with stop, start, pause, unpause, restart, kill and remove', async () => {
    const c = await testContainer();
    expect(await stateOf(c.id)).toBe('running');
    await engine.containers.stop(c.id, 5);
    expect(await stateOf(c.id)).toBe('exited');
    await engine.containers.start(c.id);
    expect(await stateOf(c.id)).toBe('running');
    await engine.containers.pause(c.id);
    expect(await stateOf(c.id)).toBe('paused');
    await engine.containers.unpause(c.id);
    expect(await stateOf(c.id)).toBe('running');
    const startedBefore = (await engine.containers.inspect(c.id)).startedAt;
    await engine.containers.restart(c.id);
    const afterRestart = await engine.containers.inspect(c.id);
    expect(afterRestart.summary.state).toBe('running');
    expect(afterRestart.startedAt).not.toBe(startedBefore);
    await engine.containers.kill(c.id, 'SIGKILL');
    const killed = await engine.containers.inspect(c.id);
    expect(killed.summary.state).toBe('exited');
    expect(killed.exitCode).toBe(137);
    await engine.containers.remove(c.id, { force: false, removeAnonymousVolumes: false });
    await expect(engine.containers.inspect(c.id)).rejects.toMatchObject({ code: 'not-found' });
  });

  it('maps inspect details: cmd, env, networks, restart policy', async () => {
    const c = await testContainer();
    const d = await engine.containers.inspect(c.id);
    expect(d.cmd[0]).toBe('sh');
    expect(d.summary.name).toBe(c.name);
    expect(d.restartPolicy.name).toBe('no');
    expect(d.memoryBytes).toBeNull();
    expect(d.networks.find((n) => n.name === 'bridge')?.ipAddress).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
  });

  it('refuses to remove a running container without force, naming it and giving the engine reason', async () => {
    const c = await testContainer();
    const err = await engine.containers.remove(c.id, { force: false, removeAnonymousVolumes: false }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    const apiErr = err as ApiError;
    expect(apiErr.code).toBe('conflict');
    expect(apiErr.message).toMatch(/^Cannot remove container /);
    expect(apiErr.message).toMatch(/You cannot remove a running container .*force remove/);
    expect(apiErr.object).toMatch(/^container /);
    await engine.containers.remove(c.id, { force: true, removeAnonymousVolumes: false });
    await expect(engine.containers.inspect(c.id)).rejects.toMatchObject({ code: 'not-found' });
  });

  it('names the container by name once the watcher knows it', async () => {
    const c = await testContainer();
    await waitFor(() => engine.watcher.current()?.some((s) => s.id === c.id), { description: 'watcher sees it' });
    // Engine 20.10 answers 500 here, newer ones 409: either way the message names the container.
    const err = (await engine.containers.unpause(c.id).catch((e: unknown) => e)) as ApiError;
    expect(['conflict', 'engine-error']).toContain(err.code);
    expect(err.object).toBe(`container ${c.name}`);
    expect(err.message).toMatch(/is not paused/);
  });

  it('treats start of a running container as done, as the docker CLI does', async () => {
    const c = await testContainer();
    await expect(engine.containers.start(c.id)).resolves.toBeUndefined();
    expect((await engine.containers.inspect(c.id)).summary.state).toBe('running');
  });

  it('says not-found for a container that does not exist', async () => {
    await expect(engine.containers.inspect('berth-test-does-not-exist')).rejects.toMatchObject({
      code: 'not-found',
      object: 'container berth-test-does-not-exist',
    });
  });

  it('never removes a named volume; removes anonymous ones only when asked', async () => {
    const volume = uniqueName('vol');
    createdVolumes.push(volume);
    const c = await testContainer({ namedVolumes: { [volume]: '/named' }, anonymousVolumes: ['/anon'], start: false });
    const mounts = (await engine.containers.inspect(c.id)).mounts;
    const anonymous = mounts.find((m) => m.destination === '/anon')?.name;
    expect(mounts.find((m) => m.destination === '/named')?.name).toBe(volume);
    expect(anonymous).toMatch(/^[0-9a-f]{64}$/);
    await engine.containers.remove(c.id, { force: true, removeAnonymousVolumes: true });
    const client = fixtureClient();
    expect(await client.volumeExists(volume)).toBe(true);
    expect(await client.volumeExists(anonymous as string)).toBe(false);
  });

  it('keeps anonymous volumes when not asked to remove them', async () => {
    const c = await testContainer({ anonymousVolumes: ['/anon'], start: false });
    const anonymous = (await engine.containers.inspect(c.id)).mounts.find((m) => m.destination === '/anon')?.name as string;
    createdVolumes.push(anonymous);
    await engine.containers.remove(c.id, { force: false, removeAnonymousVolumes: false });
    expect(await fixtureClient().volumeExists(anonymous)).toBe(true);
  });
});
