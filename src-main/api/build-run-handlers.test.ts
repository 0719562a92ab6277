import { mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../src-common/contract/errors';
import type { Engine } from '../engine/index';
import type { AppHost } from './app-host';
import { createBuildRunHandlers } from './build-run-handlers';
import { TEST_CALLER } from '../test-support/test-caller';

const noEngine = {
  requireClient: () => {
    throw new ApiError('engine-unreachable', 'No engine in this test.');
  },
} as unknown as Engine;

const host = (pick?: AppHost['pickDirectory']): AppHost =>
  ({ mode: pick ? 'electron' : 'browser', dataDir: '/tmp', offerDownload: async () => ({ kind: 'cancelled' }), ...(pick ? { pickDirectory: pick } : {}) }) as unknown as AppHost;

describe('build and run handlers', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'berth-handlers-'));
    await writeFile(join(dir, 'Dockerfile'), 'FROM scratch\n');
    await writeFile(join(dir, '.dockerignore'), '# c\n*.log\n!keep.log\n');
    await mkdir(join(dir, 'sub'));
  });
  afterAll(async () => rm(dir, { recursive: true, force: true }));

  it('pickContext: the native picker in Electron, "not supported" in browser mode', async () => {
    const titles: string[] = [];
    const electron = createBuildRunHandlers(noEngine, host(async (title) => (titles.push(title), '/home/me/app')));
    expect(await electron.calls['build.pickContext']({}, TEST_CALLER)).toEqual({ supported: true, path: '/home/me/app' });
    expect(titles).toHaveLength(1);
    const browser = createBuildRunHandlers(noEngine, host());
    expect(await browser.calls['build.pickContext']({}, TEST_CALLER)).toEqual({ supported: false, path: null });
  });

  it('checkContext checks the folder and the Dockerfile without the engine', async () => {
    const h = createBuildRunHandlers(noEngine, host());
    expect(await h.calls['build.checkContext']({ contextPath: dir, dockerfile: '' }, TEST_CALLER)).toEqual({
      contextPath: dir,
      dockerfile: 'Dockerfile',
      ignorePatterns: 2,
    });
    await expect(h.calls['build.checkContext']({ contextPath: 'relative/path', dockerfile: '' }, TEST_CALLER)).rejects.toMatchObject({
      code: 'invalid-request',
      object: 'folder relative/path',
    });
    await expect(h.calls['build.checkContext']({ contextPath: join(dir, 'nope'), dockerfile: '' }, TEST_CALLER)).rejects.toMatchObject({
      code: 'not-found',
      message: expect.stringMatching(/There is no folder at/),
    });
    await expect(h.calls['build.checkContext']({ contextPath: join(dir, 'Dockerfile'), dockerfile: '' }, TEST_CALLER)).rejects.toMatchObject({
      message: expect.stringMatching(/is a file, not a folder/),
    });
    await expect(h.calls['build.checkContext']({ contextPath: dir, dockerfile: '../Dockerfile' }, TEST_CALLER)).rejects.toMatchObject({
      object: 'dockerfile ../Dockerfile',
      message: expect.stringMatching(/must stay inside the folder/),
    });
    await expect(h.calls['build.checkContext']({ contextPath: join(dir, 'sub'), dockerfile: '' }, TEST_CALLER)).rejects.toMatchObject({
      code: 'not-found',
      object: 'dockerfile Dockerfile',
    });
    await expect(h.calls['build.checkContext']({ contextPath: dir, dockerfile: 'sub' }, TEST_CALLER)).rejects.toMatchObject({
      message: expect.stringMatching(/is not a file/),
    });
  });

  it('build.run ends with the error when the engine is not there', async () => {
    const h = createBuildRunHandlers(noEngine, host());
    const ends: unknown[] = [];
    const cancel = h.streams['build.run'](
      { contextPath: dir, dockerfile: '', tag: 'app:1', buildArgs: {}, target: '', noCache: false, labels: {} },
      { next: () => true, end: (e) => ends.push(e), onDrain: () => {}, onInput: () => {} }, TEST_CALLER,
    );
    // The folder is checked first (it is fine), then the engine is asked for.
    await vi.waitFor(() => expect(ends).toEqual([{ reason: 'error', error: { code: 'engine-unreachable', message: 'No engine in this test.' } }]));
    cancel();
  });
});
