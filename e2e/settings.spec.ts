import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test as base, expect } from '@playwright/test';
import { createTestContainer, removeTestObjects } from '../src-main/test-support/engine-fixtures';
import { startUnixSocketProxy, type UnixSocketProxy } from '../src-main/test-support/unix-socket-proxy';
import { SettingsPage } from './pages/settings-page';
import { startBerthServer, type BerthServer } from './support/berth-server';

/**
 * Each test gets its own server and data folder: what is tested here is what the server
 * keeps on disk, and an endpoint change must not leak into other specs' shared server.
 */
const test = base.extend<{ temp: string; serve: (env?: NodeJS.ProcessEnv) => Promise<BerthServer> }>({
  // eslint-disable-next-line no-empty-pattern
  temp: async ({}, use) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'berth-e2e-settings-'));
    await use(dir);
    rmSync(dir, { recursive: true, force: true });
  },
  // eslint-disable-next-line no-empty-pattern
  serve: async ({}, use) => {
    const servers: BerthServer[] = [];
    await use(async (env = {}) => {
      const server = await startBerthServer(env);
      servers.push(server);
      return server;
    });
    for (const s of servers) await s.stop();
    await removeTestObjects();
  },
});

const readSettingsFile = (dir: string): Record<string, unknown> | null => {
  const file = path.join(dir, 'settings.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>) : null;
};

// The canvas token (ui/tokens.css) in each theme.
const WHITE = 'rgb(246, 247, 249)';
const DARK = 'rgb(15, 17, 21)';

test.describe('settings', () => {
  test('saves each change to settings.json and shows it again after a reload', async ({ page, serve }) => {
    const server = await serve();
    await page.goto(server.loginUrl);
    const ui = new SettingsPage(page);
    await ui.open();
    await expect(ui.theme('Same as the system')).toBeChecked();
    await expect(ui.lineCap).toHaveValue('100000');
    expect(readSettingsFile(server.dataDir)).toBeNull();

    await ui.theme('Dark').check();
    await expect.poll(() => readSettingsFile(server.dataDir)?.theme).toBe('dark');
    await ui.lineCap.fill('20000');
    await ui.applyLineCap.click();
    await expect.poll(() => readSettingsFile(server.dataDir)?.logLineCap).toBe(20_000);
    await ui.toggle(/^Notify when a container exits/).uncheck();
    await expect.poll(() => readSettingsFile(server.dataDir)?.notifications).toBe(false);
    await expect(ui.saveStatus).toHaveText('Saved.');

    // Out of range: refused in the page, nothing written.
    await ui.lineCap.fill('10');
    await expect(ui.applyLineCap).toBeDisabled();
    await expect(ui.lineCap).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByText('Enter a whole number from 1,000 to 5,000,000.')).toBeVisible();

    // Desktop-only settings are shown, disabled, with the reason.
    await expect(ui.toggle('Start Berth when I log in')).toBeDisabled();
    await expect(ui.toggle('Start Berth when I log in')).toHaveAccessibleDescription(/Only in the desktop app/);
    await expect(ui.toggle('Keep Berth in the tray when its window closes')).toBeDisabled();

    await page.reload();
    await expect(ui.heading).toBeVisible();
    await expect(ui.theme('Dark')).toBeChecked();
    await expect(ui.lineCap).toHaveValue('20000');
    await expect(ui.toggle(/^Notify when a container exits/)).not.toBeChecked();
    expect(readSettingsFile(server.dataDir)).toMatchObject({ theme: 'dark', logLineCap: 20_000, notifications: false, engine: { mode: 'auto' } });
  });

  test('a corrupt settings file is kept aside, the defaults are used, and the user is told once', async ({ page, serve, temp }) => {
    writeFileSync(path.join(temp, 'settings.json'), '{"theme": "dark",');
    const server = await serve({ BERTH_DATA_DIR: temp });
    await page.goto(server.loginUrl);
    const notice = page.getByRole('alert').filter({ hasText: 'could not be used' });
    await expect(notice).toBeVisible();
    await expect(notice).toContainText('not valid JSON');
    await expect(notice).toContainText('defaults are in use');
    const aside = readdirSync(temp).filter((f) => f.startsWith('settings.json.corrupt-'));
    expect(aside).toHaveLength(1);
    await expect(notice).toContainText(aside[0]!);
    expect(readFileSync(path.join(temp, aside[0]!), 'utf8')).toBe('{"theme": "dark",');
    expect(existsSync(path.join(temp, 'settings.json'))).toBe(false);

    const ui = new SettingsPage(page);
    await ui.open();
    await expect(ui.theme('Same as the system')).toBeChecked();

    // Shown once: a new page load does not repeat it.
    await page.reload();
    await expect(ui.heading).toBeVisible();
    await expect(page.getByRole('region', { name: 'Engine status' })).toContainText('Connected');
    await expect(page.getByRole('alert').filter({ hasText: 'could not be used' })).toHaveCount(0);
  });

  test('the theme changes the page colours, and "system" follows the OS live', async ({ page, serve }) => {
    const server = await serve();
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto(server.loginUrl);
    const ui = new SettingsPage(page);
    await ui.open();
    await expect.poll(() => ui.backgroundColour()).toBe(WHITE);

    await ui.theme('Dark').check();
    await expect.poll(() => ui.backgroundColour()).toBe(DARK);
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');

    await ui.theme('Light').check();
    await expect.poll(() => ui.backgroundColour()).toBe(WHITE);
    // An explicit choice ignores the OS.
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect.poll(() => ui.backgroundColour()).toBe(WHITE);

    await ui.theme('Same as the system').check();
    await expect.poll(() => ui.backgroundColour()).toBe(DARK);
    await page.emulateMedia({ colorScheme: 'light' });
    await expect.poll(() => ui.backgroundColour()).toBe(WHITE);
    // "system" forces no scheme: the page's own color-scheme follows the OS.
    await expect(page.locator('html')).toHaveAttribute('data-theme-choice', 'system');
    await expect(page.locator('html')).not.toHaveAttribute('data-theme');
  });

  test('switching the engine to a custom address reconnects live, and back to automatic', async ({ page, serve, temp }) => {
    const socket = path.join(temp, 'engine.sock');
    let proxy: UnixSocketProxy | undefined = await startUnixSocketProxy(socket);
    try {
      const c = await createTestContainer({ start: false });
      const server = await serve();
      await page.goto(server.loginUrl);
      const status = page.getByRole('region', { name: 'Engine status' });
      await expect(status).toContainText('unix:///var/run/docker.sock');
      const ui = new SettingsPage(page);
      await ui.open();

      await ui.engineMode('Custom address').check();
      await ui.engineAddress.fill('tcp://somewhere');
      await ui.connect.click();
      await expect(page.getByText('Use tcp://host:port, e.g. tcp://127.0.0.1:2375.')).toBeVisible();
      expect(readSettingsFile(server.dataDir)).toBeNull();

      await ui.engineAddress.fill(`unix://${socket}`);
      await ui.engineAddress.press('Enter');
      await expect(ui.engineNow).toContainText(`Connected to unix://${socket}`);
      await expect(status).toContainText(`unix://${socket}`);
      expect(readSettingsFile(server.dataDir)?.engine).toEqual({ mode: 'custom', dockerHost: `unix://${socket}` });

      // It really goes through the proxy: cutting it loses the engine.
      await proxy.close();
      proxy = undefined;
      await expect(ui.engineNow).toContainText(`Cannot reach unix://${socket}`);

      await ui.engineMode('Automatic').check();
      await expect(ui.engineNow).toContainText('Connected to unix:///var/run/docker.sock');
      await expect.poll(() => readSettingsFile(server.dataDir)?.engine).toEqual({ mode: 'auto' });
      // The list came again from the engine.
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Containers' }).click();
      await page.getByRole('searchbox', { name: 'Filter containers' }).fill(c.name);
      await expect(page.getByRole('link', { name: c.name, exact: true })).toBeVisible();
    } finally {
      await proxy?.close();
    }
  });

  test('a docker context can be picked from the list', async ({ page, serve, temp }) => {
    const socket = path.join(temp, 'ctx.sock');
    const proxy = await startUnixSocketProxy(socket);
    try {
      const configDir = path.join(temp, 'docker-config');
      const meta = path.join(configDir, 'contexts', 'meta', createHash('sha256').update('proxied').digest('hex'));
      mkdirSync(meta, { recursive: true });
      writeFileSync(path.join(meta, 'meta.json'), JSON.stringify({ Name: 'proxied', Metadata: {}, Endpoints: { docker: { Host: `unix://${socket}` } } }));
      const server = await serve({ DOCKER_CONFIG: configDir });
      await page.goto(server.loginUrl);
      const ui = new SettingsPage(page);
      await ui.open();
      await ui.engineMode('Docker context').check();
      await expect(ui.context.getByRole('option', { name: `proxied — unix://${socket}` })).toBeAttached();
      await expect(ui.context.getByRole('option', { name: /^default — unix:\/\/\/var\/run\/docker\.sock \(current\)$/ })).toBeAttached();
      await ui.context.selectOption('proxied');
      await expect(ui.engineNow).toContainText(`Connected to unix://${socket}`);
      await expect.poll(() => readSettingsFile(server.dataDir)?.engine).toEqual({ mode: 'context', name: 'proxied' });
    } finally {
      await proxy.close();
    }
  });
});
