import { test, expect } from '@playwright/test';
import WebSocket from 'ws';
import { startBerthServer, type BerthServer } from './support/berth-server';

// The endpoint setting decides where everything goes, registry logins included, and any
// client holding the token can change it. So a change is never silent, and passwords do
// not go to an engine reached over plain TCP on another machine.

/** Another authenticated client (a second tab, a script): changes a setting through the API. */
async function updateSettingsAsAnotherClient(server: BerthServer, patch: unknown): Promise<unknown> {
  const ws = new WebSocket(`ws://127.0.0.1:${server.port}/api/ws`, { headers: { Origin: server.origin } });
  try {
    return await new Promise((resolve, reject) => {
      ws.on('open', () => {
        ws.send(JSON.stringify({ t: 'auth', token: server.token }));
        ws.send(JSON.stringify({ t: 'call', id: 1, method: 'settings.update', args: patch }));
      });
      ws.on('message', (d: Buffer) => {
        const m = JSON.parse(d.toString()) as { t: string; id?: number };
        if (m.t === 'result' && m.id === 1) resolve(m);
      });
      ws.on('error', reject);
    });
  } finally {
    ws.close();
  }
}

let server: BerthServer;
test.beforeEach(async () => {
  server = await startBerthServer();
});
test.afterEach(async () => {
  await server.stop();
});

// TEST-NET-2 (RFC 5737): an address on another machine that never answers.
const REMOTE = 'tcp://198.51.100.7:2375';

test('an endpoint changed by another client shows in the status bar and in a notice naming both', async ({ page }) => {
  await page.goto(server.loginUrl);
  const status = page.getByRole('region', { name: 'Engine status' });
  await expect(status).toContainText('Connected');
  await expect(status).toContainText('unix:///var/run/docker.sock');

  expect(await updateSettingsAsAnotherClient(server, { engine: { mode: 'custom', dockerHost: REMOTE } })).toMatchObject({ ok: true });

  await expect(status).toContainText(REMOTE);
  await expect(status).toContainText('Endpoint changed (was unix:///var/run/docker.sock)');
  await expect(page.getByRole('alert').filter({ hasText: 'engine endpoint changed' })).toContainText(
    `from unix:///var/run/docker.sock to ${REMOTE}`,
  );
});

test('the Registries page says logins are not sent to an engine on another machine without TLS', async ({ page }) => {
  await page.goto(server.loginUrl);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Registries' }).click();
  await expect(page.getByRole('heading', { name: 'Registries', level: 1 })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'without TLS' })).toHaveCount(0);

  await updateSettingsAsAnotherClient(server, { engine: { mode: 'custom', dockerHost: REMOTE } });
  const note = page.getByRole('status').filter({ hasText: 'without TLS' });
  await expect(note).toContainText(`The engine is at ${REMOTE}, on another machine without TLS`);
  await expect(note).toContainText('sends it none of your saved logins');
});
