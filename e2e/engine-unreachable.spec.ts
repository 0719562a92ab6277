import os from 'node:os';
import path from 'node:path';
import { test, expect } from '@playwright/test';
import { startBerthServer } from './support/berth-server';
import { startUnixSocketProxy } from '../src-main/test-support/unix-socket-proxy';
import { closeFixtureClient, createTestContainer, removeTestContainer } from '../src-main/test-support/engine-fixtures';

test('shows the unreachable screen for a missing socket and recovers when it appears', async ({ page }) => {
  const socketPath = path.join(os.tmpdir(), `berth-e2e-${process.pid}-${Date.now()}.sock`);
  const server = await startBerthServer({ DOCKER_HOST: `unix://${socketPath}` });
  let proxy: { close(): Promise<void> } | undefined;
  try {
    await page.goto(server.loginUrl);
    const status = page.getByRole('region', { name: 'Engine status' });
    await expect(status).toContainText('Unreachable');
    await expect(status).toContainText(socketPath);
    await expect(page.getByRole('button', { name: 'Retry now' })).toBeVisible();

    proxy = await startUnixSocketProxy(socketPath);
    // Backoff is capped at a few seconds; the app must recover on its own.
    await expect(status).toContainText('Connected', { timeout: 10_000 });
    await expect(page.getByRole('searchbox', { name: 'Filter containers' })).toBeVisible();
  } finally {
    await proxy?.close();
    await server.stop();
  }
});

test('a lost engine: a banner on every page, the list dimmed "as of", actions off with the reason; a reload shows no old list', async ({ page }) => {
  const socketPath = path.join(os.tmpdir(), `berth-e2e-lost-${process.pid}-${Date.now()}.sock`);
  let proxy = await startUnixSocketProxy(socketPath);
  const server = await startBerthServer({ DOCKER_HOST: `unix://${socketPath}` });
  const c = await createTestContainer({ start: true });
  try {
    await page.goto(server.loginUrl);
    const status = page.getByRole('region', { name: 'Engine status' });
    await expect(status).toContainText('Connected');
    await page.getByRole('searchbox', { name: 'Filter containers' }).fill(c.name);
    const stop = page.getByRole('button', { name: `Stop ${c.name}`, exact: true });
    await expect(stop).toBeEnabled();
    const banner = page.getByRole('alert').filter({ hasText: 'Cannot reach the container engine' });
    await expect(banner).toHaveCount(0);

    await proxy.close();
    await expect(banner).toBeVisible({ timeout: 10_000 });
    await expect(banner).toContainText(socketPath);
    // The list stays, dated and visibly not live, and nothing on it can be clicked into a failure.
    await expect(page.getByRole('status', { name: 'The list is not live' })).toHaveText(/^Not live — as of \d{1,2}:\d{2}/);
    await expect(page.getByRole('link', { name: c.name, exact: true })).toBeVisible();
    await expect(stop).toHaveAttribute('aria-disabled', 'true');
    await expect(stop).toHaveAccessibleDescription(/The engine is unreachable/);
    // Every page says so, not only Settings.
    await page.getByRole('link', { name: 'Images' }).first().click();
    await expect(banner).toBeVisible();

    // A reload while the engine is away has no list to show as live: the unreachable screen instead.
    await page.reload();
    await expect(page.getByRole('heading', { name: 'Cannot reach the container engine' })).toBeVisible();
    await expect(page.getByRole('link', { name: c.name, exact: true })).toHaveCount(0);

    proxy = await startUnixSocketProxy(socketPath);
    await expect(status).toContainText('Connected', { timeout: 10_000 });
    await page.goto(new URL('#/containers', page.url()).toString());
    await page.getByRole('searchbox', { name: 'Filter containers' }).fill(c.name);
    await expect(stop).toBeEnabled();
    await expect(banner).toHaveCount(0);
  } finally {
    await proxy.close();
    await server.stop();
    await removeTestContainer(c.id);
    closeFixtureClient();
  }
});
