import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ContainerChange } from '../../src-common/models/container';
import type { EngineStatus } from '../../src-common/models/engine-status';
import { createEngine, type Engine } from '../engine/index';
import {
  closeFixtureClient,
  createTestContainer,
  ensureBusyboxImage,
  removeTestContainer,
  waitFor,
} from '../test-support/engine-fixtures';
import { startUnixSocketProxy, type UnixSocketProxy } from '../test-support/unix-socket-proxy';
import { endpointOverrideOf, reconnectOnEndpointChange } from './engine-endpoint';
import { createSettingsStore, type SettingsStore } from './settings-store';

let dir: string;
let engine: Engine | undefined;
let proxy: UnixSocketProxy | undefined;
const created: string[] = [];

beforeAll(async () => {
  await ensureBusyboxImage();
});
afterEach(async () => {
  await engine?.dispose();
  await proxy?.close();
  engine = undefined;
  proxy = undefined;
  rmSync(dir, { recursive: true, force: true });
});
afterAll(async () => {
  for (const id of created) await removeTestContainer(id);
  closeFixtureClient();
});

const snapshots = (changes: ContainerChange[]) =>
  changes.filter((c): c is Extract<ContainerChange, { kind: 'snapshot' }> => c.kind === 'snapshot');

/** An engine on the platform's socket (no DOCKER_HOST, no contexts), its endpoint fed from a settings store. */
async function engineWithSettings(): Promise<{ e: Engine; settings: SettingsStore; statuses: EngineStatus[]; changes: ContainerChange[] }> {
  dir = mkdtempSync(join(tmpdir(), 'berth-endpoint-switch-'));
  const settings = await createSettingsStore(join(dir, 'data'));
  const e = createEngine({
    env: { DOCKER_CONFIG: join(dir, 'docker-config') },
    homeDir: dir,
    initialBackoffMs: 50,
    maxBackoffMs: 400,
    endpointOverride: endpointOverrideOf(settings),
  });
  engine = e;
  reconnectOnEndpointChange(settings, e);
  const statuses: EngineStatus[] = [];
  const changes: ContainerChange[] = [];
  e.connection.onStatus((s) => statuses.push(s));
  e.watcher.subscribe((c) => changes.push(c));
  return { e, settings, statuses, changes };
}

const connectedTo = (statuses: EngineStatus[], from: number, display: string) =>
  statuses.slice(from).find((s) => s.state === 'connected' && s.endpoint.display === display);

describe('switching the engine endpoint in settings', () => {
  it('reconnects live to a custom DOCKER_HOST and back, resyncing the container list each time', async () => {
    const { e, settings, statuses, changes } = await engineWithSettings();
    e.start();
    await waitFor(() => connectedTo(statuses, 0, 'unix:///var/run/docker.sock'), { description: 'connected to the default socket' });
    await waitFor(() => snapshots(changes).length === 1, { description: 'first snapshot' });

    const socket = join(dir, 'proxy.sock');
    proxy = await startUnixSocketProxy(socket);
    const before = statuses.length;
    await settings.update({ engine: { mode: 'custom', dockerHost: `unix://${socket}` } });
    const viaProxy = await waitFor(() => connectedTo(statuses, before, `unix://${socket}`), {
      timeoutMs: 15_000,
      description: 'connected through the proxy',
    });
    expect(viaProxy.endpoint).toMatchObject({ kind: 'unix', address: socket, source: 'Berth settings' });
    // The old events stream was dropped (connecting in between) and the list came again.
    expect(statuses.slice(before)[0]).toMatchObject({ state: 'connecting', endpoint: { address: socket } });
    await waitFor(() => snapshots(changes).length === 2, { description: 'snapshot after the switch' });

    // Live through the proxy: an event for a new container arrives on the new stream.
    const c = await createTestContainer({ start: false });
    created.push(c.id);
    await waitFor(() => changes.some((ch) => ch.kind === 'upsert' && ch.container.id === c.id), {
      description: 'the new container through the proxy',
    });
    // And it really is the proxy: cutting it loses the engine.
    const cutAt = statuses.length;
    await proxy.close();
    proxy = undefined;
    await waitFor(() => statuses.slice(cutAt).some((s) => s.state === 'unreachable'), {
      timeoutMs: 15_000,
      description: 'unreachable once the proxy is gone',
    });

    const back = statuses.length;
    await settings.update({ engine: { mode: 'auto' } });
    await waitFor(() => connectedTo(statuses, back, 'unix:///var/run/docker.sock'), {
      timeoutMs: 15_000,
      description: 'connected to the default socket again',
    });
    const last = await waitFor(() => snapshots(changes)[2], { description: 'snapshot after switching back' });
    expect(last.containers.some((s) => s.id === c.id)).toBe(true);
  });

  it('connects to a docker context picked by name and lists it among the contexts', async () => {
    const { e, settings, statuses, changes } = await engineWithSettings();
    const socket = join(dir, 'ctx.sock');
    proxy = await startUnixSocketProxy(socket);
    const configDir = join(dir, 'docker-config');
    const metaDir = join(configDir, 'contexts', 'meta', createHash('sha256').update('proxied').digest('hex'));
    mkdirSync(metaDir, { recursive: true });
    writeFileSync(
      join(metaDir, 'meta.json'),
      JSON.stringify({ Name: 'proxied', Metadata: { Description: 'through a proxy' }, Endpoints: { docker: { Host: `unix://${socket}` } } }),
    );
    expect(e.connection.contexts()).toEqual([
      { name: 'default', endpoint: 'unix:///var/run/docker.sock', description: 'DOCKER_HOST or the platform default', current: true },
      { name: 'proxied', endpoint: `unix://${socket}`, description: 'through a proxy', current: false },
    ]);
    e.start();
    await waitFor(() => connectedTo(statuses, 0, 'unix:///var/run/docker.sock'), { description: 'connected' });
    const before = statuses.length;
    await settings.update({ engine: { mode: 'context', name: 'proxied' } });
    const viaContext = await waitFor(() => connectedTo(statuses, before, `unix://${socket}`), {
      timeoutMs: 15_000,
      description: 'connected through the context',
    });
    expect(viaContext).toMatchObject({ endpoint: { source: 'docker context "proxied"' } });
    await waitFor(() => snapshots(changes).length === 2, { description: 'snapshot after the switch' });

    // A context that does not exist leaves the engine unreachable with a reason, not stuck.
    const missingAt = statuses.length;
    await settings.update({ engine: { mode: 'context', name: 'gone' } });
    const missing = await waitFor(() => statuses.slice(missingAt).find((s) => s.state === 'unreachable'), {
      timeoutMs: 15_000,
      description: 'unreachable for a missing context',
    });
    expect(missing.state === 'unreachable' && missing.error).toMatch(/docker context "gone" does not exist/);
  });
});
