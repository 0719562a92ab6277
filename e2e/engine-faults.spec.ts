import { test, expect } from '@playwright/test';
import { startBerthServer } from './support/berth-server';
import { engineError, json, startFakeEngine, type FakeRoute } from '../src-main/test-support/fake-engine-server';

// The UI side of a misbehaving engine, against a fake engine on a unix socket.

test('an engine that refuses /events: the status says what fails, not "Connecting…"', async ({ page }) => {
  const fake = await startFakeEngine();
  fake.on('GET', '/events', engineError(403, 'request blocked by the socket proxy'));
  const server = await startBerthServer({ DOCKER_HOST: fake.dockerHost });
  try {
    await page.goto(server.loginUrl);
    const status = page.getByRole('region', { name: 'Engine status' });
    await expect(status).toContainText('Refusing requests');
    await expect(status).toContainText('The engine refuses /events: 403 Forbidden – request blocked by the socket proxy');
    await expect(page.getByRole('heading', { name: "The container engine refuses Berth's requests" })).toBeVisible();
  } finally {
    await server.stop();
    await fake.close();
  }
});

test('a container list that fails to load says why, with Retry, and Retry loads it', async ({ page }) => {
  const fake = await startFakeEngine();
  let reply: FakeRoute = engineError(500, 'database is locked');
  fake.on('GET', '/containers/json', (req, res, body) => reply(req, res, body));
  const server = await startBerthServer({ DOCKER_HOST: fake.dockerHost });
  try {
    await page.goto(server.loginUrl);
    const alert = page.getByRole('alert').filter({ hasText: 'Could not load the containers' });
    await expect(alert).toContainText('Could not load the containers: Cannot list containers: database is locked');
    await expect(page.getByText('Loading containers…')).toHaveCount(0);
    // Berth retries by itself at 1, 2, 4, 8 s…: after four failures the next is 8 s away,
    // so a request within 2 s of the click is the Retry's.
    await expect.poll(() => fake.count('/containers/json'), { timeout: 30_000 }).toBeGreaterThanOrEqual(4);
    const before = fake.count('/containers/json');
    await alert.getByRole('button', { name: 'Retry' }).click();
    await expect.poll(() => fake.count('/containers/json'), { timeout: 2_000 }).toBeGreaterThan(before);
    await expect(alert).toBeVisible(); // still failing: still said
    reply = json([
      { Id: 'a'.repeat(64), Names: ['/web-1'], Image: 'nginx:1', ImageID: 'sha256:' + 'b'.repeat(64), Command: 'nginx', Created: 1, State: 'running', Status: 'Up 1 minute', Ports: [], Labels: {} },
    ]);
    await alert.getByRole('button', { name: 'Retry' }).click();
    await expect(page.getByRole('button', { name: 'Stop web-1', exact: true })).toBeVisible();
    await expect(alert).toHaveCount(0);
  } finally {
    await server.stop();
    await fake.close();
  }
});
