// In Electron the renderer never names a path main did not show in its own dialog: the
// whole way from a window's IPC message to the handlers, with the recording stand-in.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { IPC_CHANNELS, type IpcStreamMessage } from '../../src-common/contract/index';
import { createApiHandlers } from '../api/handlers';
import { createEngine, type Engine } from '../engine/index';
import { createSettingsStore } from '../settings/settings-store';
import { createElectronHost } from './electron-host';
import { registerIpc } from './ipc';
import { FakeFrame, FakeWebContents, resetFakeElectron, state } from './test-support/fake-electron';

vi.mock('electron', async () => (await import('./test-support/fake-electron')).electronModule);

let dir: string;
let engine: Engine;
let tar: string;
let folder: string;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'berth-picks-'));
  tar = path.join(dir, 'images.tar');
  writeFileSync(tar, 'not really a tar');
  writeFileSync(path.join(dir, 'other.tar'), 'another');
  folder = path.join(dir, 'app');
  mkdirSync(folder);
  writeFileSync(path.join(folder, 'Dockerfile'), 'FROM scratch\n');
  // No engine: a call that passes the path check fails with engine-unreachable instead.
  engine = createEngine({ env: { DOCKER_HOST: `unix://${path.join(dir, 'missing.sock')}` }, homeDir: dir, initialBackoffMs: 60_000 });
  engine.start();
});
afterAll(async () => {
  await engine.dispose();
  rmSync(dir, { recursive: true, force: true });
});
beforeEach(() => resetFakeElectron());

async function setup() {
  const host = createElectronHost(await createSettingsStore(dir));
  const windows = [new FakeWebContents(new FakeFrame('app://berth/index.html')), new FakeWebContents(new FakeFrame('app://berth/index.html'))];
  registerIpc({ handlers: createApiHandlers(engine, host), isAppWindow: (c) => windows.includes(c as unknown as FakeWebContents) });
  const call = (from: FakeWebContents, method: string, args: unknown) =>
    state.ipcMain.handlers.get(IPC_CHANNELS.call)!({ sender: from, senderFrame: from.mainFrame }, { method, args });
  const subscribe = (from: FakeWebContents, id: number, stream: string, args: unknown) =>
    state.ipcMain.listeners.emit(IPC_CHANNELS.subscribe, { sender: from, senderFrame: from.mainFrame }, { id, stream, args });
  return { a: windows[0]!, b: windows[1]!, call, subscribe };
}

const refusedAt = (field: string) => ({ ok: false, error: { code: 'invalid-request', message: expect.stringContaining('its own dialog'), object: expect.stringMatching(new RegExp(`^${field} `)) } });

describe('paths in Electron come from main\'s own dialogs', () => {
  it('images.load opens only the file this window picked last', async () => {
    const { a, b, call } = await setup();
    // Nothing picked yet: a typed path is refused, even a harmless one.
    expect(await call(a, 'images.load', { path: tar })).toEqual(refusedAt('file'));

    state.openDialogAnswers.push(tar);
    expect(await call(a, 'images.pickTarFile', {})).toEqual({ ok: true, value: tar });
    expect(state.openDialogs[0]).toMatchObject({ properties: ['openFile'] });

    expect(await call(a, 'images.load', { path: tar })).toMatchObject({ ok: false, error: { code: 'engine-unreachable' } });
    expect(await call(a, 'images.load', { path: tar })).toMatchObject({ ok: false, error: { code: 'engine-unreachable' } });
    expect(await call(a, 'images.load', { path: path.join(dir, 'other.tar') })).toEqual(refusedAt('file'));
    expect(await call(a, 'images.load', { path: '/proc/self/environ' })).toEqual(refusedAt('file'));
    // Another window's pick is not this one's.
    expect(await call(b, 'images.load', { path: tar })).toEqual(refusedAt('file'));
  });

  it('a cancelled dialog grants nothing and keeps the earlier pick', async () => {
    const { a, call } = await setup();
    state.openDialogAnswers.push(tar, null);
    await call(a, 'images.pickTarFile', {});
    expect(await call(a, 'images.pickTarFile', {})).toEqual({ ok: true, value: null });
    expect(await call(a, 'images.load', { path: tar })).toMatchObject({ ok: false, error: { code: 'engine-unreachable' } });
  });

  it('build.checkContext and build.run take only the folder this window picked', async () => {
    const { a, b, call, subscribe } = await setup();
    state.openDialogAnswers.push(folder);
    expect(await call(a, 'build.pickContext', {})).toEqual({ ok: true, value: { supported: true, path: folder } });
    expect(state.openDialogs[0]).toMatchObject({ properties: ['openDirectory'] });

    expect(await call(a, 'build.checkContext', { contextPath: folder, dockerfile: '' })).toMatchObject({ ok: true, value: { contextPath: folder } });
    expect(await call(a, 'build.checkContext', { contextPath: dir, dockerfile: '' })).toEqual(refusedAt('folder'));
    expect(await call(b, 'build.checkContext', { contextPath: folder, dockerfile: '' })).toEqual(refusedAt('folder'));

    const args = { contextPath: folder, dockerfile: '', tag: 'x:1', buildArgs: {}, target: '', noCache: false, labels: {} };
    subscribe(b, 1, 'build.run', args);
    const ended = b.sent.map((s) => s.message as IpcStreamMessage).find((m) => 'end' in m);
    expect(ended).toMatchObject({ id: 1, end: { reason: 'error', error: { code: 'invalid-request', message: expect.stringContaining('its own dialog') } } });
  });
});
