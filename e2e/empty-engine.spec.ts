import { test, expect } from '@playwright/test';
import { startBerthServer } from './support/berth-server';
import { json, startFakeEngine } from '../src-main/test-support/fake-engine-server';

// A brand-new engine has no containers: what a first-time user sees. A fake engine, because
// the real one here always holds other tests' containers.

test('an engine with no containers: the list says so and both run buttons, named apart, open the run dialog', async ({ page }) => {
  const fake = await startFakeEngine();
  fake.on('GET', '/containers/json', json([]));
  const server = await startBerthServer({ DOCKER_HOST: fake.dockerHost });
  try {
    await page.goto(server.loginUrl);
    await expect(page.getByText('No containers yet', { exact: true })).toBeVisible();
    const dialog = page.getByRole('dialog', { name: 'Run a container' });
    for (const name of ['Run container', 'Run your first container']) {
      await page.getByRole('button', { name, exact: true }).click();
      await expect(dialog).toBeVisible();
      await page.keyboard.press('Escape');
      await expect(dialog).toBeHidden();
    }
  } finally {
    await server.stop();
    await fake.close();
  }
});
