import { test, expect } from '@playwright/test';
import { startBerthServer } from './support/berth-server';
import { engineError, hang, json, startFakeEngine, type FakeRoute } from '../src-main/test-support/fake-engine-server';

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

test("a container's details that fail to load say why, with Retry; a hung engine runs into its deadline; Retry loads them once the engine answers", async ({ page }) => {
  test.setTimeout(90_000);
  const fake = await startFakeEngine();
  const id = 'c'.repeat(64);
  fake.on('GET', '/containers/json', json([
    { Id: id, Names: ['/web-1'], Image: 'nginx:1', ImageID: 'sha256:' + 'b'.repeat(64), Command: 'nginx', Created: 1, State: 'running', Status: 'Up 1 minute', Ports: [], Labels: {} },
  ]));
  let reply: FakeRoute = engineError(500, 'database is locked');
  fake.on('GET', `/containers/${id}/json`, (req, res, body) => reply(req, res, body));
  const server = await startBerthServer({ DOCKER_HOST: fake.dockerHost });
  try {
    await page.goto(server.loginUrl);
    await expect(page.getByRole('button', { name: 'Stop web-1', exact: true })).toBeVisible();
    await page.evaluate((hash) => (window.location.hash = hash), `#/containers/${id}`);
    const alert = page.getByRole('alert').filter({ hasText: 'Could not load the details' });
    await expect(alert).toContainText(/^Could not load the details: .*web-1.*database is locked/);
    await expect(page.getByText('Loading details…')).toHaveCount(0);

    // The engine now hangs: Retry waits for the call's deadline, then says so in words.
    reply = hang;
    await alert.getByRole('button', { name: 'Retry' }).click();
    await expect(alert).toContainText(/did not answer/, { timeout: 40_000 });

    reply = json({
      Id: id,
      Name: '/web-1',
      Created: '2026-01-01T00:00:00Z',
      Path: 'nginx',
      Args: ['-g', 'daemon off;'],
      State: { Status: 'running', Running: true, StartedAt: '2026-01-01T00:00:01Z' },
      Config: { Image: 'nginx:1', Env: ['GREETING=from-the-engine'], Labels: {} },
      HostConfig: {},
      NetworkSettings: { Networks: {} },
      Mounts: [],
    });
    await alert.getByRole('button', { name: 'Retry' }).click();
    await expect(page.getByText('GREETING')).toBeVisible();
    await expect(page.getByText('from-the-engine')).toBeVisible();
    await expect(alert).toHaveCount(0);
  } finally {
    await server.stop();
    await fake.close();
  }
});
