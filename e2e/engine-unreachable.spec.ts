import os from 'node:os';
import path from 'node:path';
import { test, expect } from '@playwright/test';
import { startBerthServer } from './support/berth-server';
import { startUnixSocketProxy } from '../src-main/test-support/unix-socket-proxy';

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
