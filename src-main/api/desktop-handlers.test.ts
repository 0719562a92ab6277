import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultSettings, type Settings } from '../../src-common/models/settings';
import { createEngine, type Engine } from '../engine/index';
import { createSettingsStore } from '../settings/settings-store';
import { dispatchCall, openStream } from './dispatch';
import { createApiHandlers } from './handlers';
import { TEST_CALLER } from '../test-support/test-caller';

let dir: string;
let engine: Engine | undefined;
afterEach(async () => {
  await engine?.dispose();
  engine = undefined;
  rmSync(dir, { recursive: true, force: true });
});

/** Handlers over a settings store in a temp folder; the engine is never started. */
async function setup(fileContent?: string) {
  dir = mkdtempSync(join(tmpdir(), 'berth-desktop-handlers-'));
  if (fileContent !== undefined) writeFileSync(join(dir, 'settings.json'), fileContent);
  const settings = await createSettingsStore(dir);
  engine = createEngine({ env: { DOCKER_CONFIG: join(dir, 'docker') }, homeDir: dir });
  const handlers = createApiHandlers(engine, {
    mode: 'browser',
    dataDir: dir,
    settings,
    offerDownload: async () => ({ kind: 'cancelled' }),
  });
  return { handlers, settings };
}

describe('desktop handlers', () => {
  it('settings.get answers the settings and the host; settings.update validates, saves and streams', async () => {
    const { handlers } = await setup();
    expect(await dispatchCall(handlers, 'settings.get', {}, TEST_CALLER)).toEqual({
      ok: true,
      value: { settings: defaultSettings(), loadProblem: null, hostMode: 'browser' },
    });
    const seen: Settings[] = [];
    const opened = openStream(handlers, 'settings.changes', {}, { next: (c) => seen.push(c as Settings), end: () => {} }, TEST_CALLER);
    expect(seen).toEqual([defaultSettings()]);

    expect(await dispatchCall(handlers, 'settings.update', { theme: 'dark' }, TEST_CALLER)).toEqual({
      ok: true,
      value: { ...defaultSettings(), theme: 'dark' },
    });
    expect(seen.at(-1)?.theme).toBe('dark');
    const refused = await dispatchCall(handlers, 'settings.update', { engine: { mode: 'custom', dockerHost: 'tcp://nowhere' } }, TEST_CALLER);
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(seen).toHaveLength(2);
    if (opened.ok) opened.cancel();
    await dispatchCall(handlers, 'settings.update', { theme: 'light' }, TEST_CALLER);
    expect(seen).toHaveLength(2);
  });

  it('reports a corrupt file until the notice is acknowledged', async () => {
    const { handlers } = await setup('not json');
    const first = await dispatchCall(handlers, 'settings.get', {}, TEST_CALLER);
    expect(first).toMatchObject({ ok: true, value: { loadProblem: expect.stringMatching(/not valid JSON/) } });
    expect(await dispatchCall(handlers, 'settings.acknowledgeLoadProblem', {}, TEST_CALLER)).toEqual({ ok: true, value: null });
    expect(await dispatchCall(handlers, 'settings.get', {}, TEST_CALLER)).toMatchObject({ ok: true, value: { loadProblem: null } });
  });

  it('engine.contexts lists "default" even without a docker config', async () => {
    const { handlers } = await setup();
    const answer = await dispatchCall(handlers, 'engine.contexts', {}, TEST_CALLER);
    expect(answer).toMatchObject({ ok: true, value: [{ name: 'default', current: true }] });
  });
});
