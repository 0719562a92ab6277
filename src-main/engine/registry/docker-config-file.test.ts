import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultDockerConfigDir, interpretConfig, readDockerConfig, updateDockerConfig } from './docker-config-file';

describe('config.json like the docker CLI', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'berth-dockercfg-'));
  });
  afterEach(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('finds the folder from DOCKER_CONFIG, else ~/.docker', () => {
    expect(defaultDockerConfigDir({ DOCKER_CONFIG: '/etc/dc' }, '/home/u')).toBe('/etc/dc');
    expect(defaultDockerConfigDir({}, '/home/u')).toBe(path.join('/home/u', '.docker'));
  });

  it('reads a missing file as empty and ignores malformed entries', async () => {
    expect(await readDockerConfig(dir)).toEqual({ auths: {}, credHelpers: {}, credsStore: null });
    expect(interpretConfig({ auths: { a: 'x', b: { auth: 'eA==' } }, credHelpers: { h: 3, g: 'pass' }, credsStore: '' })).toEqual({
      auths: { b: { auth: 'eA==' } },
      credHelpers: { g: 'pass' },
      credsStore: null,
    });
  });

  it('writes a new file private and keeps the mode of an existing one', async () => {
    await updateDockerConfig(dir, (raw) => (raw.credsStore = 'pass'));
    expect((await fs.stat(path.join(dir, 'config.json'))).mode & 0o777).toBe(0o600);
    await fs.chmod(path.join(dir, 'config.json'), 0o640);
    await updateDockerConfig(dir, (raw) => (raw.detachKeys = 'ctrl-x'));
    expect((await fs.stat(path.join(dir, 'config.json'))).mode & 0o777).toBe(0o640);
    expect(JSON.parse(await fs.readFile(path.join(dir, 'config.json'), 'utf8'))).toEqual({ credsStore: 'pass', detachKeys: 'ctrl-x' });
    expect(await fs.readdir(dir)).toEqual(['config.json']);
  });
});
