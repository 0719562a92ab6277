import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BrowserWindow } from 'electron';
import { FakeBrowserWindow, resetFakeElectron } from './test-support/fake-electron';
import { DEFAULT_SIZE, placementFor, readWindowState, trackWindowState, WINDOW_STATE_FILE, writeWindowState } from './window-state';

vi.mock('electron', async () => (await import('./test-support/fake-electron')).electronModule);

const laptop = { x: 0, y: 0, width: 1440, height: 875 };
const monitorOnRight = { x: 1440, y: 0, width: 2560, height: 1400 };

let dir: string;
beforeEach(() => {
  resetFakeElectron();
  dir = mkdtempSync(path.join(tmpdir(), 'berth-window-state-'));
});
afterEach(() => {
  vi.useRealTimers();
  rmSync(dir, { recursive: true, force: true });
});

const file = () => path.join(dir, WINDOW_STATE_FILE);

describe('placementFor', () => {
  it('uses the default size, placed by the system, when nothing was saved', () => {
    expect(placementFor(null, [laptop])).toEqual({ ...DEFAULT_SIZE, maximized: false });
  });

  it('restores size, position and maximized when the window lands on a display', () => {
    const saved = { x: 1600, y: 100, width: 1200, height: 900, maximized: true };
    expect(placementFor(saved, [laptop, monitorOnRight])).toEqual(saved);
  });

  it('drops a position on a display that is gone, keeping a size that fits', () => {
    const saved = { x: 1600, y: 100, width: 2000, height: 1200, maximized: false };
    expect(placementFor(saved, [laptop])).toEqual({ width: 1440, height: 875, maximized: false });
  });

  it('drops a position with only a sliver of the window on screen', () => {
    const saved = { x: 1400, y: 100, width: 800, height: 600, maximized: false };
    expect(placementFor(saved, [laptop])).toEqual({ width: 800, height: 600, maximized: false });
  });

  it('keeps the title bar reachable: a window above the top edge comes down', () => {
    const saved = { x: 100, y: -300, width: 800, height: 600, maximized: false };
    expect(placementFor(saved, [laptop])).toMatchObject({ x: 100, y: 0 });
  });

  it('never goes below the minimum size', () => {
    expect(placementFor({ x: 10, y: 10, width: 50, height: 40, maximized: false }, [laptop])).toMatchObject({ width: 720, height: 480 });
  });
});

describe('window-state.json', () => {
  it('round-trips what was written', () => {
    writeWindowState(dir, { x: 1, y: 2, width: 900, height: 700, maximized: false });
    expect(readWindowState(dir)).toEqual({ x: 1, y: 2, width: 900, height: 700, maximized: false });
    expect(readdirSync(dir)).toEqual([WINDOW_STATE_FILE]);
  });

  it('ignores a missing, corrupt or foreign file', () => {
    expect(readWindowState(dir)).toBeNull();
    for (const content of ['{not json', '{"x":"1","y":2,"width":900,"height":700,"maximized":false}', '[]', '{"x":1.5,"y":2,"width":900,"height":700,"maximized":false}']) {
      writeFileSync(file(), content);
      expect(readWindowState(dir)).toBeNull();
    }
  });

  it('does not throw when the folder cannot be written', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    writeFileSync(path.join(dir, 'not-a-folder'), '');
    writeWindowState(path.join(dir, 'not-a-folder'), { x: 1, y: 2, width: 900, height: 700, maximized: false });
    expect(error).toHaveBeenCalledOnce();
  });
});

describe('trackWindowState', () => {
  it('saves the normal bounds once moves settle, and at once on close', () => {
    vi.useFakeTimers();
    const win = new FakeBrowserWindow({ width: 1000, height: 700 });
    trackWindowState(win as unknown as BrowserWindow, dir);
    win.bounds = { x: 30, y: 40, width: 1000, height: 700 };
    win.emit('move');
    win.bounds = { x: 50, y: 60, width: 1000, height: 700 };
    win.emit('move');
    expect(existsSync(file())).toBe(false);
    vi.advanceTimersByTime(500);
    expect(JSON.parse(readFileSync(file(), 'utf8'))).toEqual({ x: 50, y: 60, width: 1000, height: 700, maximized: false });

    win.maximize();
    win.emit('close', { preventDefault() {} });
    expect(readWindowState(dir)).toEqual({ x: 50, y: 60, width: 1000, height: 700, maximized: true });
  });

  it('saves nothing for a minimized window and stops when untracked', () => {
    vi.useFakeTimers();
    const win = new FakeBrowserWindow({});
    const stop = trackWindowState(win as unknown as BrowserWindow, dir);
    win.minimized = true;
    win.emit('close', { preventDefault() {} });
    expect(existsSync(file())).toBe(false);
    win.minimized = false;
    stop();
    win.emit('resize');
    vi.advanceTimersByTime(1_000);
    win.emit('hide');
    expect(existsSync(file())).toBe(false);
  });
});
