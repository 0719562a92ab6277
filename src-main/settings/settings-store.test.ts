import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import type { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../src-common/contract/errors';
import { defaultSettings, dockerHostProblem, Settings, type SettingsPatch } from '../../src-common/models/settings';
import { createSettingsStore, SETTINGS_FILE } from './settings-store';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'berth-settings-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const file = () => join(dir, SETTINGS_FILE);
const fixedNow = () => new Date('2026-11-23T10:20:30.456Z');
const asideFiles = () => readdirSync(dir).filter((f) => f.startsWith(`${SETTINGS_FILE}.corrupt-`));

describe('Settings schema', () => {
  it('gives a default for every field', () => {
    expect(defaultSettings()).toEqual({
      engine: { mode: 'auto' },
      theme: 'system',
      logLineCap: 100_000,
      notifications: true,
      closeToTray: true,
      closeToTrayNoteShown: false,
      startAtLogin: false,
    });
  });

  it('fills fields an older file lacks and drops unknown ones', () => {
    expect(Settings.parse({ theme: 'dark', someday: 1 })).toEqual({ ...defaultSettings(), theme: 'dark' });
  });

  it('bounds the log line cap to 1,000..5,000,000 whole lines', () => {
    expect(Settings.safeParse({ logLineCap: 999 }).success).toBe(false);
    expect(Settings.safeParse({ logLineCap: 5_000_001 }).success).toBe(false);
    expect(Settings.safeParse({ logLineCap: 1500.5 }).success).toBe(false);
    expect(Settings.parse({ logLineCap: 1_000 }).logLineCap).toBe(1_000);
    expect(Settings.parse({ logLineCap: 5_000_000 }).logLineCap).toBe(5_000_000);
  });

  it('accepts the engine addresses the engine layer can dial and explains the rest', () => {
    for (const ok of [
      'unix:///var/run/docker.sock',
      'npipe:////./pipe/docker_engine',
      'tcp://127.0.0.1:2375',
      'tcp://[::1]:2376',
      'tcp://docker.example.com:2376',
      'ssh://me@build-box',
      'ssh://me@build-box:2222',
      'ssh://build-box',
    ]) {
      expect(dockerHostProblem(ok), ok).toBeNull();
    }
    expect(dockerHostProblem('')).toMatch(/Enter an address/);
    expect(dockerHostProblem('/var/run/docker.sock')).toMatch(/unix:\/\//);
    expect(dockerHostProblem('unix://relative.sock')).toMatch(/absolute/);
    expect(dockerHostProblem('tcp://host')).toMatch(/tcp:\/\/host:port/);
    expect(dockerHostProblem('tcp://host:70000')).toMatch(/between 1 and 65535/);
    expect(dockerHostProblem('http://host:2375')).toMatch(/Unsupported scheme "http"/);
    expect(Settings.safeParse({ engine: { mode: 'custom', dockerHost: 'tcp://host' } }).success).toBe(false);
    expect(Settings.safeParse({ engine: { mode: 'context', name: '' } }).success).toBe(false);
  });
});

describe('createSettingsStore: loading', () => {
  it('uses the defaults without a problem when there is no file (and writes nothing)', async () => {
    const store = await createSettingsStore(dir);
    expect(store.get()).toEqual(defaultSettings());
    expect(store.loadProblem()).toBeNull();
    expect(readdirSync(dir)).toEqual([]);
  });

  it('creates the data folder only when it first saves', async () => {
    const nested = join(dir, 'not', 'yet');
    const store = await createSettingsStore(nested);
    expect(existsSync(nested)).toBe(false);
    await store.update({ theme: 'light' });
    expect(JSON.parse(readFileSync(join(nested, SETTINGS_FILE), 'utf8')).theme).toBe('light');
  });

  it('loads a valid file', async () => {
    const saved = { ...defaultSettings(), theme: 'dark', logLineCap: 20_000, engine: { mode: 'context', name: 'colima' } };
    writeFileSync(file(), JSON.stringify(saved));
    const store = await createSettingsStore(dir);
    expect(store.get()).toEqual(saved);
    expect(store.loadProblem()).toBeNull();
  });

  it('keeps a file that is not JSON aside, uses the defaults and says so', async () => {
    writeFileSync(file(), '{"theme": "dark",');
    const store = await createSettingsStore(dir, fixedNow);
    expect(store.get()).toEqual(defaultSettings());
    expect(existsSync(file())).toBe(false);
    expect(asideFiles()).toEqual([`${SETTINGS_FILE}.corrupt-2026-11-23T10-20-30-456Z`]);
    expect(readFileSync(join(dir, asideFiles()[0]!), 'utf8')).toBe('{"theme": "dark",');
    expect(store.loadProblem()).toMatch(/not valid JSON/);
    expect(store.loadProblem()).toContain(asideFiles()[0]);
  });

  it('keeps a file with invalid values aside too, naming the bad field', async () => {
    writeFileSync(file(), JSON.stringify({ theme: 'purple', logLineCap: 10 }));
    const store = await createSettingsStore(dir, fixedNow);
    expect(store.get()).toEqual(defaultSettings());
    expect(asideFiles()).toHaveLength(1);
    expect(store.loadProblem()).toMatch(/invalid/);
    expect(store.loadProblem()).toMatch(/theme/);
    expect(store.loadProblem()).toMatch(/logLineCap/);
  });

  it('reports a file it cannot read without moving it', async () => {
    mkdirSync(file());
    const store = await createSettingsStore(dir);
    expect(store.get()).toEqual(defaultSettings());
    expect(store.loadProblem()).toMatch(/could not read/);
    expect(existsSync(file())).toBe(true);
  });

  it('starts clean after a corrupt file was kept aside: the next launch has no problem', async () => {
    writeFileSync(file(), 'garbage');
    await createSettingsStore(dir);
    const again = await createSettingsStore(dir);
    expect(again.loadProblem()).toBeNull();
  });
});

describe('createSettingsStore: saving', () => {
  it('merges a patch, writes it, tells listeners, and a new store reads it back', async () => {
    const store = await createSettingsStore(dir);
    const seen: unknown[] = [];
    store.onChange((s) => seen.push(s));
    const next = await store.update({ theme: 'dark', notifications: false });
    expect(next).toEqual({ ...defaultSettings(), theme: 'dark', notifications: false });
    expect(store.get()).toEqual(next);
    expect(seen).toEqual([next]);
    const updated = await store.update({ engine: { mode: 'custom', dockerHost: 'tcp://10.0.0.5:2375' } });
    expect(updated.theme).toBe('dark');
    expect(seen).toHaveLength(2);
    expect((await createSettingsStore(dir)).get()).toEqual(updated);
  });

  it('does not write or notify when nothing changes', async () => {
    const store = await createSettingsStore(dir);
    let calls = 0;
    store.onChange(() => calls++);
    await store.update({ theme: 'system' });
    expect(calls).toBe(0);
    expect(existsSync(file())).toBe(false);
  });

  it('refuses an invalid patch and keeps the settings and the file as they were', async () => {
    const store = await createSettingsStore(dir);
    await store.update({ theme: 'light' });
    const before = readFileSync(file(), 'utf8');
    const bad = [{ logLineCap: 1 }, { theme: 'blue' }, { engine: { mode: 'custom', dockerHost: 'ftp://x' } }, { nope: true }];
    for (const patch of bad) {
      await expect(store.update(patch as unknown as SettingsPatch)).rejects.toMatchObject({ code: 'invalid-request' });
    }
    expect(store.get().theme).toBe('light');
    expect(readFileSync(file(), 'utf8')).toBe(before);
  });

  it('writes atomically: a temp file in the same folder renamed over, none left behind', async () => {
    const store = await createSettingsStore(dir);
    await Promise.all(Array.from({ length: 20 }, (_, i) => store.update({ logLineCap: 1_000 + i })));
    expect(readdirSync(dir)).toEqual([SETTINGS_FILE]);
    // Updates apply in order: the last one wins on disk and in memory.
    expect(JSON.parse(readFileSync(file(), 'utf8')).logLineCap).toBe(1_019);
    expect(store.get().logLineCap).toBe(1_019);
  });

  it('fails a save it cannot write with a message naming the file, and keeps the old settings', async () => {
    const blocked = join(dir, 'blocked');
    writeFileSync(blocked, 'a file where the data folder should be');
    const store = await createSettingsStore(blocked);
    const failure = await store.update({ theme: 'dark' }).catch((err: unknown) => err);
    expect(failure).toBeInstanceOf(ApiError);
    expect((failure as ApiError).message).toContain(join(blocked, SETTINGS_FILE));
    expect(store.get().theme).toBe('system');
  });

  it('stops notifying after unsubscribe', async () => {
    const store = await createSettingsStore(dir);
    let calls = 0;
    const off = store.onChange(() => calls++);
    await store.update({ theme: 'dark' });
    off();
    await store.update({ theme: 'light' });
    expect(calls).toBe(1);
  });
});

describe('a write that cannot finish', () => {
  type Open = typeof open;
  /** A filesystem whose writes hang, or accept no bytes, as some network and FUSE mounts do. */
  const fakeOpen = (write: () => Promise<{ bytesWritten: number }>): Open =>
    (async () => ({ write, sync: async () => undefined, close: async () => undefined })) as unknown as Open;

  it('fails with a message after its deadline instead of waiting forever, and the next update still runs', async () => {
    const store = await createSettingsStore(dir, fixedNow, { open: fakeOpen(() => new Promise(() => undefined)), writeTimeoutMs: 50 });
    await expect(store.update({ theme: 'dark' })).rejects.toMatchObject({
      code: 'internal',
      message: expect.stringMatching(/could not save its settings to .*: the write did not finish within 50 ms/),
    });
    expect(store.get().theme).toBe('system');
    await expect(store.update({ theme: 'light' })).rejects.toBeInstanceOf(ApiError);
  });

  it('fails at once when the filesystem accepts no bytes (Node would retry that write forever, spinning a core)', async () => {
    let writes = 0;
    const store = await createSettingsStore(dir, fixedNow, { open: fakeOpen(async () => ((writes += 1), { bytesWritten: 0 })), writeTimeoutMs: 60_000 });
    await expect(store.update({ theme: 'dark' })).rejects.toMatchObject({ message: expect.stringMatching(/accepted no bytes/) });
    expect(writes).toBe(1);
  });
});
