import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeSecretStorage, writeFakeCredentialHelper } from '../../test-support/fake-credential-helper';
import { createCredentialsService } from './credentials-service';
import { ENCRYPTED_STORE_FILE } from './credentials-encrypted-store';
import { HUB_SERVER } from './registry-keys';
import type { DockerClient } from '../connection/docker-client';

const b64 = (s: string) => Buffer.from(s).toString('base64');
const noEngine = () => {
  throw new Error('no engine in unit tests');
};

describe('credentials service (docker CLI config, real helper executables)', () => {
  let root: string;
  let configDir: string;
  let dataDir: string;
  let bin: string;
  let env: NodeJS.ProcessEnv;

  beforeEach(async () => {
    root = await fs.mkdtemp(path.join(os.tmpdir(), 'berth-creds-'));
    configDir = path.join(root, 'docker');
    dataDir = path.join(root, 'data');
    bin = path.join(root, 'bin');
    await fs.mkdir(configDir);
    env = { ...process.env, PATH: `${bin}:${process.env.PATH}` };
  });
  afterEach(async () => {
    await fs.rm(root, { recursive: true, force: true });
  });

  const writeConfig = (config: unknown) => fs.writeFile(path.join(configDir, 'config.json'), JSON.stringify(config));
  const service = (extra: Partial<Parameters<typeof createCredentialsService>[0]> = {}) =>
    createCredentialsService({ configDir, dataDir, env, mode: 'browser', requireClient: noEngine, ...extra });

  it('takes credHelpers over credsStore over auths', async () => {
    const a = await writeFakeCredentialHelper(bin, 'berthhelpera');
    const b = await writeFakeCredentialHelper(bin, 'berthstoreb');
    await a.seed({ 'reg.example:5000': { Username: 'from-helper', Secret: 'pa' } });
    await b.seed({ 'reg.example:5000': { Username: 'from-store', Secret: 'pb' }, 'other.example': { Username: 'store-user', Secret: 'pc' } });
    await writeConfig({
      credHelpers: { 'reg.example:5000': 'berthhelpera' },
      credsStore: 'berthstoreb',
      auths: {
        'reg.example:5000': { auth: b64('from-auths:pd') },
        'other.example': { auth: b64('auths-user:pe') },
        'third.example': { auth: b64('third-user:pf') },
        'https://index.docker.io/v1/': { auth: b64('hubuser:hubpass') },
      },
    });
    const s = service();
    expect(await s.authFor('reg.example:5000')).toEqual({ username: 'from-helper', password: 'pa', serveraddress: 'reg.example:5000' });
    expect(await s.authFor('other.example')).toEqual({ username: 'store-user', password: 'pc', serveraddress: 'other.example' });
    expect(await s.authFor('third.example')).toEqual({ username: 'third-user', password: 'pf', serveraddress: 'third.example' });
    expect(await s.authFor('docker.io')).toEqual({ username: 'hubuser', password: 'hubpass', serveraddress: HUB_SERVER });
    expect(await s.authFor('nobody.example')).toEqual({});
  });

  it('reads an identity token from a helper', async () => {
    const a = await writeFakeCredentialHelper(bin, 'berthtoken');
    await a.seed({ 'ghcr.io': { Username: '<token>', Secret: 'tok-123' } });
    await writeConfig({ credsStore: 'berthtoken' });
    expect(await service().authFor('ghcr.io')).toEqual({ identitytoken: 'tok-123', serveraddress: 'ghcr.io' });
  });

  it('lists logins with usernames only, and says where a new one would go', async () => {
    const b = await writeFakeCredentialHelper(bin, 'berthlist');
    await b.seed({ 'store.example': { Username: 'alice', Secret: 'secret-in-store' } });
    await writeConfig({ credsStore: 'berthlist', credHelpers: { 'helped.example': 'berthlist' }, auths: { 'plain.example': { auth: b64('bob:plainsecret') }, 'marker.example': {} } });
    const overview = await service().overview();
    expect(overview.logins).toEqual(
      expect.arrayContaining([
        { server: 'store.example', registry: 'store.example', username: 'alice', source: 'creds-store', helper: 'berthlist' },
        { server: 'helped.example', registry: 'helped.example', username: null, source: 'cred-helper', helper: 'berthlist' },
        { server: 'plain.example', registry: 'plain.example', username: 'bob', source: 'config-file', helper: null },
      ]),
    );
    expect(overview.logins.some((l) => l.registry === 'marker.example')).toBe(false);
    expect(JSON.stringify(overview)).not.toMatch(/secret/);
    expect(overview.storage).toMatchObject({ configDir, credsStore: 'berthlist', encryptedStore: { available: false } });
  });

  it('logs out everywhere and rewrites config.json atomically, keeping keys it does not know', async () => {
    const b = await writeFakeCredentialHelper(bin, 'berthout');
    await b.seed({ 'gone.example': { Username: 'u', Secret: 's' }, 'kept.example': { Username: 'k', Secret: 'ks' } });
    const original = {
      credsStore: 'berthout',
      auths: { 'gone.example': { auth: b64('u:s') }, 'https://gone.example/v1/': { auth: b64('u:s') }, 'kept.example': { auth: b64('k:ks') } },
      currentContext: 'colima',
      proxies: { default: { httpProxy: 'http://proxy:3128' } },
      'x-unknown': [1, 2, 3],
    };
    await writeConfig(original);
    await service().logout('gone.example');
    const after = JSON.parse(await fs.readFile(path.join(configDir, 'config.json'), 'utf8')) as typeof original;
    expect(after.currentContext).toBe('colima');
    expect(after.proxies).toEqual(original.proxies);
    expect(after['x-unknown']).toEqual([1, 2, 3]);
    expect(Object.keys(after.auths)).toEqual(['kept.example']);
    expect(Object.keys(await b.read())).toEqual(['kept.example']);
    expect((await fs.readdir(configDir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it("keeps Berth's own store encrypted and uses it when no helper applies", async () => {
    const storage = fakeSecretStorage();
    const s = service({ mode: 'electron', secretStorage: storage });
    const store = (await import('./credentials-encrypted-store')).createEncryptedStore(dataDir, storage);
    await store.put('127.0.0.1:5000', { username: 'carol', secret: 'hunter2-secret', identityToken: false });
    const text = await fs.readFile(path.join(dataDir, ENCRYPTED_STORE_FILE), 'utf8');
    expect(text).not.toContain('hunter2-secret');
    expect(text).toContain('carol');
    expect(await s.authFor('127.0.0.1:5000')).toEqual({ username: 'carol', password: 'hunter2-secret', serveraddress: '127.0.0.1:5000' });
    expect((await s.overview()).logins).toEqual([
      { server: '127.0.0.1:5000', registry: '127.0.0.1:5000', username: 'carol', source: 'berth', helper: null },
    ]);
    await s.logout('127.0.0.1:5000');
    expect(await s.authFor('127.0.0.1:5000')).toEqual({});
  });

  it('refuses the encrypted store where safeStorage has no real backend', async () => {
    const overview = await service({ mode: 'electron', secretStorage: fakeSecretStorage(false) }).overview();
    expect(overview.storage.encryptedStore).toEqual({ available: false, reason: expect.stringMatching(/no keyring/) });
  });
});

describe('credentials and an engine reached over plain TCP', () => {
  let root: string;
  let configDir: string;
  beforeEach(async () => {
    root = await fs.mkdtemp(path.join(os.tmpdir(), 'berth-creds-tcp-'));
    configDir = path.join(root, 'docker');
    await fs.mkdir(configDir);
    await fs.writeFile(
      path.join(configDir, 'config.json'),
      JSON.stringify({ auths: { 'reg.example:5000': { auth: b64('me:secret-password') } } }),
    );
  });
  afterEach(async () => {
    await fs.rm(root, { recursive: true, force: true });
  });

  /** A client at `address` that records every engine request it is asked for. */
  const engineAt = (address: string, tls: boolean) => {
    const requests: unknown[] = [];
    const client = {
      endpoint: { kind: 'tcp', address, source: 'DOCKER_HOST', tls, display: `tcp://${address}` },
      request: async (req: unknown) => {
        requests.push(req);
        return { IdentityToken: '' };
      },
    };
    return { requests, requireClient: () => client as unknown as DockerClient };
  };
  const service = (requireClient: () => DockerClient) =>
    createCredentialsService({ configDir, dataDir: path.join(root, 'data'), mode: 'browser', requireClient });

  it('attaches no stored credentials for an engine on another host without TLS, and says why', async () => {
    const remote = engineAt('10.1.2.3:2375', false);
    const s = service(remote.requireClient);
    expect(await s.authFor('reg.example:5000')).toEqual({});
    expect(await s.credentialsWithheld('reg.example:5000')).toMatch(/tcp:\/\/10\.1\.2\.3:2375 without TLS/);
    // Nothing withheld where nothing is stored.
    expect(await s.credentialsWithheld('nobody.example')).toBeNull();
  });

  it('refuses a login there before the password goes to the engine', async () => {
    const remote = engineAt('engine.example:2375', false);
    const result = await service(remote.requireClient).login({ server: 'reg.example:5000', username: 'me', password: 'secret-password' });
    expect(result).toMatchObject({ ok: false, field: 'form', message: expect.stringContaining('tcp://engine.example:2375') });
    expect(remote.requests).toEqual([]);
  });

  it.each([
    ['10.1.2.3:2376', true],
    ['127.0.0.1:2375', false],
    ['localhost:2375', false],
    ['[::1]:2375', false],
  ])('attaches them for %s (TLS %s)', async (address, tls) => {
    const s = service(engineAt(address, tls).requireClient);
    expect(await s.authFor('reg.example:5000')).toEqual({ username: 'me', password: 'secret-password', serveraddress: 'reg.example:5000' });
    expect(await s.credentialsWithheld('reg.example:5000')).toBeNull();
  });
});
