import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSettingsStore, type SettingsStore } from '../settings/settings-store';
import type { SettingsPatch } from '../../src-common/models/settings';
import { startDesktopShell, type DesktopShell } from './desktop-shell';
import { container, fakeEngine } from './test-support/fake-engine';
import { findMenuItem, resetFakeElectron, state, type FakeBrowserWindow } from './test-support/fake-electron';
import { resolveAppPaths } from './window';
import { WINDOW_STATE_FILE } from './window-state';

vi.mock('electron', async () => (await import('./test-support/fake-electron')).electronModule);

const root = path.resolve(__dirname, '..', '..');
const paths = resolveAppPaths(path.join(root, 'dist', 'main'));

let dir: string;
let shell: DesktopShell | null = null;
beforeEach(() => {
  resetFakeElectron();
  dir = mkdtempSync(path.join(tmpdir(), 'berth-shell-'));
});
afterEach(() => {
  shell?.dispose();
  shell = null;
  rmSync(dir, { recursive: true, force: true });
});

async function start(patch: SettingsPatch = {}, containers = [container('a')]) {
  const settings: SettingsStore = await createSettingsStore(dir);
  await settings.update(patch);
  const fake = fakeEngine(containers);
  const loginItem: boolean[] = [];
  shell = startDesktopShell({
    engine: fake.engine,
    settings,
    paths,
    dataDir: dir,
    iconDir: path.join(root, 'assets', 'tray'),
    setStartAtLogin: (enabled) => {
      loginItem.push(enabled);
      return Promise.resolve();
    },
  });
  return { settings, fake, loginItem, shell };
}

const onlyWindow = (): FakeBrowserWindow => {
  expect(state.windows).toHaveLength(1);
  return state.windows[0]!;
};

async function until(condition: () => boolean, what: string) {
  const startedAt = Date.now();
  while (!condition()) {
    if (Date.now() - startedAt > 2_000) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setImmediate(resolve));
  }
}

describe('close to tray', () => {
  it('hides the window instead of closing it, and says so once', async () => {
    const { settings, shell } = await start({ closeToTray: true });
    shell.mainWindow.show();
    const win = onlyWindow();
    win.show();
    win.close();
    expect(win.isDestroyed()).toBe(false);
    expect(win.visible).toBe(false);
    expect(state.notifications.map((n) => n.options.title)).toEqual(['Berth is still running in the tray']);
    await until(() => settings.get().closeToTrayNoteShown, 'the note to be remembered');

    shell.mainWindow.show();
    expect(win.visible).toBe(true);
    win.close();
    expect(state.notifications).toHaveLength(1);
    expect(state.windows).toHaveLength(1);
  });

  it('uses a dialog for the note where the system has no notifications', async () => {
    state.notificationsSupported = false;
    const { shell, settings } = await start({ closeToTray: true });
    shell.mainWindow.show();
    onlyWindow().close();
    expect(state.messageBoxes).toEqual([expect.objectContaining({ type: 'info', message: 'Berth is still running in the tray' })]);
    await until(() => settings.get().closeToTrayNoteShown, 'the note to be remembered');
  });

  it('does not show the note again in a later run', async () => {
    const { shell } = await start({ closeToTray: true, closeToTrayNoteShown: true });
    shell.mainWindow.show();
    onlyWindow().close();
    expect(state.notifications).toEqual([]);
  });

  it('closes for real when the setting is off', async () => {
    const { shell } = await start({ closeToTray: false });
    shell.mainWindow.show();
    const win = onlyWindow();
    win.close();
    expect(win.isDestroyed()).toBe(true);
    expect(shell.mainWindow.current()).toBeNull();
  });

  it('closes for real when there is no tray to come back from', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const { electronModule } = await import('./test-support/fake-electron');
    const Tray = electronModule.Tray;
    electronModule.Tray = class {
      constructor() {
        throw new Error('no status area');
      }
    } as unknown as typeof Tray;
    try {
      const { shell } = await start({ closeToTray: true });
      expect(shell.tray).toBeNull();
      shell.mainWindow.show();
      onlyWindow().close();
      expect(onlyWindow().isDestroyed()).toBe(true);
    } finally {
      electronModule.Tray = Tray;
    }
  });

  it('"Quit Berth" in the tray quits even with close to tray on, closing the window', async () => {
    const { shell } = await start({ closeToTray: true });
    shell.mainWindow.show();
    const win = onlyWindow();
    const quit = findMenuItem(state.trays[0]!.contextMenu!.items, 'quit')!;
    quit.click!();
    expect(state.app.quitCalls).toBe(1);
    win.close();
    expect(win.isDestroyed()).toBe(true);
  });

  it('lets any quit (Cmd+Q, logout) close the hidden window', async () => {
    const { shell } = await start({ closeToTray: true });
    shell.mainWindow.show();
    state.app.emit('before-quit', { preventDefault() {} });
    onlyWindow().close();
    expect(onlyWindow().isDestroyed()).toBe(true);
  });
});

describe('the window from the tray and notifications', () => {
  it('opens a new window on the container tab, or moves the existing one there', async () => {
    const { shell } = await start();
    const items = () => state.trays[0]!.contextMenu!.items;
    findMenuItem(items(), 'container:a:logs')!.click!();
    const win = onlyWindow();
    expect(win.loadedUrl).toBe('app://berth/index.html#/containers/a/logs');

    win.minimized = true;
    win.visible = false;
    findMenuItem(items(), 'container:a:terminal')!.click!();
    expect(win.webContents.loadedUrls).toEqual([`${paths.rendererUrl}#/containers/a/terminal`]);
    expect(win).toMatchObject({ minimized: false, visible: true, focused: true });
    expect(shell.mainWindow.current()).toBe(win);
  });

  it('notifies about a crash and opens its logs on click', async () => {
    const { fake } = await start({ notifications: true });
    fake.emitEvent({ type: 'container', action: 'die', id: 'a', attributes: { name: 'web-a', exitCode: '1' }, timeNano: 0 });
    expect(state.notifications.map((n) => n.options)).toEqual([
      { title: 'web-a exited unexpectedly', body: 'It stopped by itself with exit code 1. Click to see its logs.' },
    ]);
    state.notifications[0]!.emit('click');
    expect(onlyWindow().loadedUrl).toBe('app://berth/index.html#/containers/a/logs');
  });

  it('stays quiet when notifications are off, and follows the setting live', async () => {
    const { fake, settings } = await start({ notifications: false });
    const crash = (id: string) =>
      fake.emitEvent({ type: 'container', action: 'die', id, attributes: { name: id, exitCode: '1' }, timeNano: 0 });
    crash('a');
    expect(state.notifications).toEqual([]);
    await settings.update({ notifications: true });
    crash('b');
    expect(state.notifications).toHaveLength(1);
  });

  it('does not notify when the tray stopped the container, even before the engine says so', async () => {
    const { fake } = await start();
    findMenuItem(state.trays[0]!.contextMenu!.items, 'container:a:stop')!.click!();
    await until(() => fake.calls.includes('stop a'), 'the stop');
    fake.emitEvent({ type: 'container', action: 'die', id: 'a', attributes: { name: 'web-a', exitCode: '137' }, timeNano: 0 });
    expect(state.notifications).toEqual([]);
  });
});

describe('start at login and disposal', () => {
  it('applies "start at login" when on at start and whenever it changes', async () => {
    const off = await start({ startAtLogin: false });
    expect(off.loginItem).toEqual([]);
    await off.settings.update({ startAtLogin: true });
    await off.settings.update({ theme: 'dark' });
    await off.settings.update({ startAtLogin: false });
    expect(off.loginItem).toEqual([true, false]);
    shell?.dispose();
    resetFakeElectron();
    const on = await start({ startAtLogin: true });
    expect(on.loginItem).toEqual([true]);
  });

  it("gives Windows the installer's app id, so its notifications show", async () => {
    const platform = process.platform;
    Object.defineProperty(process, 'platform', { value: 'win32' });
    try {
      await start();
    } finally {
      Object.defineProperty(process, 'platform', { value: platform });
    }
    expect(state.app.appUserModelId).toBe('dev.berth.app');
  });

  it('removes the tray and stops listening when disposed', async () => {
    const { fake, shell: s } = await start();
    expect(fake.eventListeners()).toBe(1);
    s.dispose();
    shell = null;
    expect(state.trays[0]!.isDestroyed()).toBe(true);
    expect(fake.eventListeners()).toBe(0);
    expect(fake.listeners()).toBe(0);
  });

  it('restores the saved window size and position', async () => {
    writeFileSync(path.join(dir, WINDOW_STATE_FILE), JSON.stringify({ x: 200, y: 150, width: 1000, height: 700, maximized: true }));
    const { shell } = await start();
    shell.mainWindow.show();
    const win = onlyWindow();
    expect(win.options).toMatchObject({ x: 200, y: 150, width: 1000, height: 700 });
    win.emit('ready-to-show');
    expect(win.maximized).toBe(true);
  });
});

describe('resource usage follows what can be seen', () => {
  it('tells the stats service when the window is hidden, minimized, restored, shown or closed', async () => {
    const { fake, shell } = await start({ closeToTray: false });
    shell.mainWindow.show();
    const win = onlyWindow();
    win.show();
    win.minimize();
    win.restore();
    win.hide();
    win.show();
    win.close();
    expect(fake.stats.visibility).toEqual([
      'window visible',
      'window hidden',
      'window visible',
      'window hidden',
      'window visible',
      'window hidden',
    ]);
  });
});
