import { randomBytes } from 'node:crypto';
import { readFileSync, renameSync, writeFileSync, unlinkSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { BrowserWindow, Rectangle } from 'electron';

// The main window's size, position and maximized state, kept in <dataDir>/window-state.json
// and restored at start. A position is only reused when the window would land on a
// display that exists now (monitors come and go between runs).

export const WINDOW_STATE_FILE = 'window-state.json';

/** What Berth's window is created with when nothing was saved (and its minimum). */
export const DEFAULT_SIZE = { width: 1280, height: 800 } as const;
export const MIN_SIZE = { width: 720, height: 480 } as const;

/** This much of the window (title bar included) must be on a display for its position to count. */
const MIN_VISIBLE = { width: 120, height: 60 } as const;

const Int = z.number().int().min(-100_000).max(100_000);
const SavedWindowState = z.object({
  x: Int,
  y: Int,
  width: z.number().int().min(1).max(100_000),
  height: z.number().int().min(1).max(100_000),
  maximized: z.boolean(),
});
export type SavedWindowState = z.infer<typeof SavedWindowState>;

/** What the window is created with: a size, a position only when it is on screen, maximized or not. */
export interface WindowPlacement {
  width: number;
  height: number;
  x?: number;
  y?: number;
  maximized: boolean;
}

/** The file's content when valid; null when missing, unreadable or not what Berth wrote. */
export function readWindowState(dataDir: string): SavedWindowState | null {
  try {
    const parsed = SavedWindowState.safeParse(JSON.parse(readFileSync(path.join(dataDir, WINDOW_STATE_FILE), 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Written whole to a temp file and renamed over, so a crash never leaves half a file. */
export function writeWindowState(dataDir: string, state: SavedWindowState): void {
  const file = path.join(dataDir, WINDOW_STATE_FILE);
  const temp = `${file}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(temp, `${JSON.stringify(state)}\n`, { mode: 0o600 });
    renameSync(temp, file);
  } catch (err) {
    try {
      unlinkSync(temp);
    } catch {
      // Never written.
    }
    console.error(`Berth could not save the window position to ${file}: ${err instanceof Error ? err.message : String(err)}`);
  }
}

/**
 * Where to put the window given what was saved and the displays' work areas now: the
 * saved size (no larger than the display it lands on, no smaller than the minimum),
 * and the saved position only if enough of the window shows on some display.
 */
export function placementFor(saved: SavedWindowState | null, workAreas: readonly Rectangle[]): WindowPlacement {
  if (!saved) return { ...DEFAULT_SIZE, maximized: false };
  const size = { width: Math.max(saved.width, MIN_SIZE.width), height: Math.max(saved.height, MIN_SIZE.height) };
  const rect = { x: saved.x, y: saved.y, ...size };
  const host = workAreas
    .map((area) => ({ area, overlap: overlap(rect, area) }))
    .filter(({ overlap: o }) => o.width >= MIN_VISIBLE.width && o.height >= MIN_VISIBLE.height)
    .sort((a, b) => b.overlap.width * b.overlap.height - a.overlap.width * a.overlap.height)[0]?.area;
  if (!host) {
    // Off every display: keep the size (within the largest display) and let the system place it.
    const largest = [...workAreas].sort((a, b) => b.width * b.height - a.width * a.height)[0];
    return { ...fitInto(size, largest), maximized: saved.maximized };
  }
  // The title bar must be reachable: keep the top edge within the display.
  const fitted = fitInto(size, host);
  const y = Math.min(Math.max(saved.y, host.y), host.y + host.height - MIN_VISIBLE.height);
  return { ...fitted, x: saved.x, y, maximized: saved.maximized };
}

function fitInto(size: { width: number; height: number }, area: Rectangle | undefined) {
  if (!area) return size;
  return {
    width: Math.max(MIN_SIZE.width, Math.min(size.width, area.width)),
    height: Math.max(MIN_SIZE.height, Math.min(size.height, area.height)),
  };
}

function overlap(a: Rectangle, b: Rectangle): { width: number; height: number } {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return { width: Math.max(0, width), height: Math.max(0, height) };
}

/** Moves and resizes settle for this long before the state is written. */
const SAVE_DELAY_MS = 500;

/**
 * Keeps <dataDir>/window-state.json up to date with the window: after moves and resizes
 * settle, and at once when it closes or hides. The normal (unmaximized) bounds are what is
 * saved, so un-maximizing after a restart returns to the size the user chose.
 */
export function trackWindowState(win: BrowserWindow, dataDir: string): () => void {
  let timer: NodeJS.Timeout | undefined;
  const save = () => {
    clearTimeout(timer);
    timer = undefined;
    if (win.isDestroyed() || win.isMinimized() || win.isFullScreen()) return;
    const bounds = win.getNormalBounds();
    writeWindowState(dataDir, { ...bounds, maximized: win.isMaximized() });
  };
  const later = () => {
    clearTimeout(timer);
    timer = setTimeout(save, SAVE_DELAY_MS);
    timer.unref?.();
  };
  const events = ['resize', 'move', 'maximize', 'unmaximize'] as const;
  for (const event of events) win.on(event as 'resize', later);
  win.on('close', save);
  win.on('hide', save);
  return () => {
    clearTimeout(timer);
    for (const event of events) win.removeListener(event as 'resize', later);
    win.removeListener('close', save);
    win.removeListener('hide', save);
  };
}
