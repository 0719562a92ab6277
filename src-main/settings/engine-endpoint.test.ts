import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EndpointError, listDockerContexts, resolveEndpoint, type EndpointFs } from '../engine/connection/endpoint';
import { endpointOverrideFrom, reconnectOnEndpointChange } from './engine-endpoint';
import { createSettingsStore } from './settings-store';

let home: string;
beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'berth-endpoint-setting-'));
});
afterEach(() => rmSync(home, { recursive: true, force: true }));

const noSockets: EndpointFs = { exists: () => false, read: () => null };

function writeContext(configDir: string, name: string, meta: Record<string, unknown>) {
  const dir = join(configDir, 'contexts', 'meta', createHash('sha256').update(name).digest('hex'));
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'meta.json'), JSON.stringify({ Name: name, ...meta }));
}

describe('endpointOverrideFrom', () => {
  it('maps each endpoint choice to the engine layer terms', () => {
    expect(endpointOverrideFrom({ mode: 'auto' })).toBeNull();
    expect(endpointOverrideFrom({ mode: 'context', name: 'colima' })).toEqual({ context: 'colima' });
    expect(endpointOverrideFrom({ mode: 'custom', dockerHost: 'tcp://h:2375' })).toEqual({ dockerHost: 'tcp://h:2375' });
  });
});

describe('resolveEndpoint with an override from settings', () => {
  const env = { DOCKER_HOST: 'unix:///from/env.sock' };

  it('a custom address wins over DOCKER_HOST and names Berth settings as its source', () => {
    const r = resolveEndpoint({ env, homeDir: home, fs: noSockets, override: { dockerHost: 'tcp://10.1.2.3:2375' } });
    expect(r.endpoint).toMatchObject({ kind: 'tcp', address: '10.1.2.3:2375', source: 'Berth settings', tls: false });
  });

  it('a context wins over DOCKER_HOST; "default" means DOCKER_HOST or the platform socket', () => {
    writeContext(join(home, '.docker'), 'remote', { Endpoints: { docker: { Host: 'ssh://me@box' } } });
    expect(resolveEndpoint({ env, homeDir: home, override: { context: 'remote' } }).endpoint).toMatchObject({
      kind: 'ssh',
      source: 'docker context "remote"',
    });
    expect(resolveEndpoint({ env, homeDir: home, fs: noSockets, override: { context: 'default' } }).endpoint.display).toBe(
      'unix:///from/env.sock',
    );
    // "default" ignores DOCKER_CONTEXT and the config's current context.
    const noHost = { DOCKER_CONTEXT: 'remote' };
    expect(resolveEndpoint({ env: noHost, homeDir: home, platform: 'linux', fs: noSockets, override: { context: 'default' } }).endpoint).toMatchObject(
      { display: 'unix:///var/run/docker.sock', source: 'platform default' },
    );
  });

  it('a context that is gone is an EndpointError naming it', () => {
    expect(() => resolveEndpoint({ env: {}, homeDir: home, fs: noSockets, override: { context: 'gone' } })).toThrow(EndpointError);
  });
});

describe('listDockerContexts', () => {
  it('lists "default" first, then the contexts by name, marking the current one', () => {
    const config = join(home, '.docker');
    writeContext(config, 'zeta', { Endpoints: { docker: { Host: 'tcp://z:2376' } }, Metadata: { Description: 'last' } });
    writeContext(config, 'alpha', { Endpoints: {} });
    mkdirSync(join(config, 'contexts', 'meta', 'broken'), { recursive: true });
    writeFileSync(join(config, 'contexts', 'meta', 'broken', 'meta.json'), '{');
    writeFileSync(join(config, 'config.json'), JSON.stringify({ currentContext: 'zeta' }));
    expect(listDockerContexts({ env: {}, homeDir: home, platform: 'linux' })).toEqual([
      { name: 'default', endpoint: 'unix:///var/run/docker.sock', description: 'DOCKER_HOST or the platform default', current: false },
      { name: 'alpha', endpoint: null, current: false },
      { name: 'zeta', endpoint: 'tcp://z:2376', description: 'last', current: true },
    ]);
    // DOCKER_CONTEXT wins over the config, as in the CLI; DOCKER_HOST shows as the default's endpoint.
    const withEnv = listDockerContexts({ env: { DOCKER_CONTEXT: 'alpha', DOCKER_HOST: 'tcp://env:2375' }, homeDir: home });
    expect(withEnv.find((c) => c.current)?.name).toBe('alpha');
    expect(withEnv[0]?.endpoint).toBe('tcp://env:2375');
  });

  it('has only "default", current, without any docker config', () => {
    expect(listDockerContexts({ env: {}, homeDir: home, platform: 'linux' })).toMatchObject([{ name: 'default', current: true }]);
  });
});

describe('reconnectOnEndpointChange', () => {
  it('reconnects when the endpoint setting changes, and only then', async () => {
    const settings = await createSettingsStore(home);
    let reconnects = 0;
    const stop = reconnectOnEndpointChange(settings, { connection: { reconnect: () => reconnects++ } });
    await settings.update({ theme: 'dark' });
    expect(reconnects).toBe(0);
    await settings.update({ engine: { mode: 'custom', dockerHost: 'unix:///tmp/x.sock' } });
    expect(reconnects).toBe(1);
    await settings.update({ logLineCap: 5000 });
    expect(reconnects).toBe(1);
    await settings.update({ engine: { mode: 'auto' } });
    expect(reconnects).toBe(2);
    stop();
    await settings.update({ engine: { mode: 'context', name: 'x' } });
    expect(reconnects).toBe(2);
  });
});
