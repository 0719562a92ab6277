import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron, expect, test } from '@playwright/test';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

/** node_modules/electron/path.txt names the executable once Electron's install script has fetched it. */
function electronBinary(): string | null {
  try {
    const electronDir = path.join(root, 'node_modules', 'electron');
    const binary = path.join(electronDir, 'dist', readFileSync(path.join(electronDir, 'path.txt'), 'utf8').trim());
    return existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

const executablePath = electronBinary();
const electronBinaryExists = executablePath !== null;

test.skip(!electronBinaryExists, 'Electron binary not installed (offline machine); UI is covered in browser mode');

test('the desktop app opens its window and shows the engine status', async () => {
  test.skip(!existsSync(path.join(root, 'dist', 'main', 'electron-main.cjs')), 'Run `npm run build` first');
  const app = await _electron.launch({ executablePath: executablePath ?? undefined, args: [root], cwd: root });
  try {
    const page = await app.firstWindow();
    await expect(page).toHaveTitle('Berth');
    await expect(page.getByRole('region', { name: 'Engine status' })).toBeVisible();
    // The bridge is the only thing the page gets from the preload.
    expect(await page.evaluate(() => Object.keys((globalThis as unknown as { berth: object }).berth).sort())).toEqual([
      'invoke',
      'subscribe',
    ]);
  } finally {
    await app.close();
  }
});

test('closing the window keeps Berth in the tray, and a second launch brings it back', async () => {
  test.skip(!existsSync(path.join(root, 'dist', 'main', 'electron-main.cjs')), 'Run `npm run build` first');
  const app = await _electron.launch({ executablePath: executablePath ?? undefined, args: [root], cwd: root });
  try {
    await app.firstWindow();
    // Berth hides instead of quitting only when its tray icon exists (close to tray is on by default).
    await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.close());
    await expect
      .poll(() => app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().map((w) => w.isVisible())))
      .toEqual([false]);
    await app.evaluate(({ app: electronApp }) => electronApp.emit('second-instance', {}, [], process.cwd()));
    await expect
      .poll(() => app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().map((w) => w.isVisible())))
      .toEqual([true]);
  } finally {
    // "Quit Berth" from the tray does this: a real quit despite close to tray.
    await app.close();
  }
});
