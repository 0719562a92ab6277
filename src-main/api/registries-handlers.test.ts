import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Engine } from '../engine/index';
import { createSettingsStore } from '../settings/settings-store';
import { fakeSecretStorage } from '../test-support/fake-credential-helper';
import type { AppHost } from './app-host';
import { createRegistryHandlers } from './registries-handlers';
import { TEST_CALLER } from '../test-support/test-caller';

const engineNotNeeded = {
  requireClient: () => {
    throw new Error('the overview must not touch the engine');
  },
} as unknown as Engine;

describe('registry handlers: where a login would be stored, per host', () => {
  let root: string;
  beforeEach(async () => {
    root = await fs.mkdtemp(path.join(os.tmpdir(), 'berth-reg-handlers-'));
  });
  afterEach(async () => {
    await fs.rm(root, { recursive: true, force: true });
  });

  const host = async (over: Partial<AppHost>): Promise<AppHost> => ({
    mode: 'browser',
    dataDir: path.join(root, 'data'),
    settings: await createSettingsStore(path.join(root, 'data')),
    offerDownload: () => Promise.reject(new Error('unused')),
    ...over,
  });

  it('Electron with a real safeStorage backend: the encrypted store', async () => {
    const h = createRegistryHandlers(engineNotNeeded, await host({ mode: 'electron', secretStorage: fakeSecretStorage() }), { configDir: root });
    const overview = await h.calls['registries.overview']({}, TEST_CALLER);
    expect(overview.storage).toEqual({ configDir: root, credsStore: null, encryptedStore: { available: true } });
  });

  it('browser mode and Electron without a backend: refused, with the reason', async () => {
    const browser = await createRegistryHandlers(engineNotNeeded, await host({}), { configDir: root }).calls['registries.overview']({}, TEST_CALLER);
    expect(browser.storage.encryptedStore).toEqual({ available: false, reason: expect.stringContaining('Browser mode') });
    const basicText = await createRegistryHandlers(engineNotNeeded, await host({ mode: 'electron', secretStorage: fakeSecretStorage(false) }), {
      configDir: root,
    }).calls['registries.overview']({}, TEST_CALLER);
    expect(basicText.storage.encryptedStore).toEqual({ available: false, reason: expect.stringContaining('no keyring') });
  });

  it('reads $DOCKER_CONFIG by default', async () => {
    const before = process.env.DOCKER_CONFIG;
    process.env.DOCKER_CONFIG = path.join(root, 'from-env');
    try {
      const overview = await createRegistryHandlers(engineNotNeeded, await host({})).calls['registries.overview']({}, TEST_CALLER);
      expect(overview.storage.configDir).toBe(path.join(root, 'from-env'));
    } finally {
      if (before === undefined) delete process.env.DOCKER_CONFIG;
      else process.env.DOCKER_CONFIG = before;
    }
  });
});
