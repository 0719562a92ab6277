// Every call that names a path on this machine, through the real handlers: /proc, /sys and
// /dev are refused (also behind a symlink), and so is anything that is not a regular file
// where a file is expected, all before the engine is asked (there is none here).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StreamEnd } from '../../src-common/contract/index';
import { createEngine, type Engine } from '../engine/index';
import { createSettingsStore } from '../settings/settings-store';
import { TEST_CALLER } from '../test-support/test-caller';
import { dispatchCall, openStream } from './dispatch';
import { createApiHandlers } from './handlers';
import type { ApiHandlers } from '../../src-common/contract/index';

let dir: string;
let engine: Engine;
let handlers: ApiHandlers;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'berth-paths-'));
  // No engine at all: a path that passes the checks fails with engine-unreachable instead.
  engine = createEngine({ env: { DOCKER_HOST: `unix://${join(dir, 'missing.sock')}` }, homeDir: dir, initialBackoffMs: 60_000 });
  engine.start();
  handlers = createApiHandlers(engine, {
    mode: 'browser',
    dataDir: dir,
    settings: await createSettingsStore(dir),
    offerDownload: async () => ({ kind: 'cancelled' }),
  });
  writeFileSync(join(dir, 'images.tar'), 'not really a tar');
  symlinkSync('/proc/self/environ', join(dir, 'environ.tar'));
  execFileSync('mkfifo', [join(dir, 'pipe.tar')]);
  mkdirSync(join(dir, 'app'));
  writeFileSync(join(dir, 'app', 'Dockerfile'), 'FROM scratch\n');
  mkdirSync(join(dir, 'linked'));
  symlinkSync('/proc/self/environ', join(dir, 'linked', 'Dockerfile'));
  symlinkSync('/proc/self', join(dir, 'proc-link'));
});
afterAll(async () => {
  await engine.dispose();
  rmSync(dir, { recursive: true, force: true });
});

const load = (path: string) => dispatchCall(handlers, 'images.load', { path }, TEST_CALLER);
const check = (contextPath: string, dockerfile = '') => dispatchCall(handlers, 'build.checkContext', { contextPath, dockerfile }, TEST_CALLER);

describe('images.load', () => {
  it.each(['/proc/self/environ', '/proc/1/environ', '/sys/kernel/notes', '/dev/zero', '/dev/stdin'])('refuses %s before the engine', async (path) => {
    expect(await load(path)).toEqual({
      ok: false,
      error: { code: 'invalid-request', message: expect.stringMatching(/is in \/(proc|sys|dev), which holds the live state/), object: `file ${path}` },
    });
  });

  it('refuses a symlink into /proc, naming where it leads', async () => {
    const outcome = await load(join(dir, 'environ.tar'));
    expect(outcome).toMatchObject({ ok: false, error: { code: 'invalid-request', message: expect.stringContaining('/proc/') } });
  });

  it('refuses a FIFO (reading it would block) and a folder, as not regular files', async () => {
    for (const path of [join(dir, 'pipe.tar'), join(dir, 'app')]) {
      expect(await load(path)).toMatchObject({
        ok: false,
        error: { code: 'invalid-request', message: expect.stringContaining('is not a regular file'), object: `file ${path}` },
      });
    }
  });

  it('refuses a relative path and says a missing file is missing', async () => {
    expect(await load('images.tar')).toMatchObject({ ok: false, error: { code: 'invalid-request', object: 'file images.tar' } });
    expect(await load(join(dir, 'nope.tar'))).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('lets a regular file through to the engine', async () => {
    expect(await load(join(dir, 'images.tar'))).toMatchObject({ ok: false, error: { code: 'engine-unreachable' } });
  });
});

describe('build.checkContext and build.run', () => {
  it('refuses a folder in /proc, also behind a symlink, on the folder field', async () => {
    for (const path of ['/proc/self', '/sys/kernel', join(dir, 'proc-link')]) {
      expect(await check(path)).toMatchObject({
        ok: false,
        error: { code: 'invalid-request', message: expect.stringContaining('live state'), object: expect.stringMatching(/^folder /) },
      });
    }
  });

  it('refuses a Dockerfile that links into /proc, on the Dockerfile field', async () => {
    expect(await check(join(dir, 'linked'))).toMatchObject({
      ok: false,
      error: { code: 'invalid-request', message: expect.stringContaining('/proc/'), object: expect.stringMatching(/^dockerfile /) },
    });
  });

  it('accepts a folder with a Dockerfile', async () => {
    expect(await check(join(dir, 'app'))).toEqual({ ok: true, value: { contextPath: join(dir, 'app'), dockerfile: 'Dockerfile', ignorePatterns: 0 } });
  });

  it('build.run refuses the same folders before the engine is asked', async () => {
    const ends: StreamEnd[] = [];
    const opened = openStream(
      handlers,
      'build.run',
      { contextPath: '/proc/self', dockerfile: '', tag: 'x:1', buildArgs: {}, target: '', noCache: false, labels: {} },
      { next: () => true, end: (e) => ends.push(e) },
      TEST_CALLER,
    );
    if (opened.ok) await new Promise((r) => setTimeout(r, 0));
    const end = ends[0] ?? (opened.ok ? undefined : { reason: 'error' as const, error: opened.error });
    expect(end).toMatchObject({ reason: 'error', error: { code: 'invalid-request', message: expect.stringContaining('live state') } });
  });
});
