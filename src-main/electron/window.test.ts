import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { resetFakeElectron, state } from './test-support/fake-electron';
import { createMainWindow, resolveAppPaths } from './window';

vi.mock('electron', async () => (await import('./test-support/fake-electron')).electronModule);

const root = path.resolve(__dirname, '..', '..');
const distMain = path.join(root, 'dist', 'main');

beforeEach(() => resetFakeElectron());

describe('createMainWindow', () => {
  it('opens a hidden window with every security-relevant webPreference pinned', () => {
    const paths = resolveAppPaths(distMain);
    createMainWindow(paths);

    expect(state.windows).toHaveLength(1);
    const win = state.windows[0]!;
    expect(win.options.show).toBe(false);
    expect(win.options.webPreferences).toEqual({
      preload: path.join(distMain, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
    });
  });

  it('opens on a route with the route as the hash of the app:// page', () => {
    createMainWindow(resolveAppPaths(distMain), { hash: '/containers/abc/logs' });
    expect(state.windows[0]!.loadedUrl).toBe('app://berth/index.html#/containers/abc/logs');
  });

  it('loads the renderer from app://, not file://, and shows the window only when it is ready', () => {
    const paths = resolveAppPaths(distMain);
    createMainWindow(paths);
    const win = state.windows[0]!;

    expect(win.loadedUrl).toBe('app://berth/index.html');
    expect(win.visible).toBe(false);
    win.emit('ready-to-show');
    expect(win.visible).toBe(true);
  });
});

describe('resolveAppPaths', () => {
  const outDir = mkdtempSync(path.join(tmpdir(), 'berth-preload-'));
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it('points at dist/main/preload.cjs and the renderer beside it, from the main bundle directory', () => {
    const paths = resolveAppPaths(distMain);
    expect(paths.preload.endsWith(path.join('dist', 'main', 'preload.cjs'))).toBe(true);
    expect(paths.rendererDir).toBe(path.join(root, 'dist', 'renderer'));
    expect(paths.rendererUrl).toBe('app://berth/index.html');
  });

  it('names a file the preload build produces, and that file requires nothing but electron', async () => {
    // The same esbuild options as scripts/build.mjs uses for the preload.
    const bundleDir = path.join(outDir, 'dist', 'main');
    await build({
      absWorkingDir: root,
      entryPoints: ['src-main/preload/preload.ts'],
      outfile: path.join(bundleDir, 'preload.cjs'),
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      external: ['electron'],
      logLevel: 'silent',
    });

    const { preload } = resolveAppPaths(bundleDir);
    expect(existsSync(preload)).toBe(true);
    const code = readFileSync(preload, 'utf8');
    const required = [...code.matchAll(/\brequire\(\s*["'`]([^"'`]+)["'`]\s*\)/g)].map((m) => m[1]);
    expect(required).toEqual(['electron']);
    expect(code).not.toMatch(/\brequire\(\s*[^"'`\s]/); // no computed requires either
    expect(code).toContain('exposeInMainWorld("berth"');
  });
});
