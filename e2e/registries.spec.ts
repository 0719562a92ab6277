import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { test as base, expect } from './support/fixtures';
import { startBerthServer, type BerthServer } from './support/berth-server';
import { docker } from './support/docker-cli';
import { RegistriesPage } from './pages/registries-page';
import { buildLayeredTestImage, removeTestImage, startLocalRegistry, type LocalRegistry } from '../src-main/test-support/local-registry';
import { writeFakeCredentialHelper, type FakeCredentialHelper } from '../src-main/test-support/fake-credential-helper';

const USER = 'berth-e2e';
const PASSWORD = `pw-${randomBytes(6).toString('hex')}`;

interface RegistryWorld {
  server: BerthServer;
  open: LocalRegistry;
  secured: LocalRegistry;
  helper: FakeCredentialHelper;
  root: string;
}

/**
 * A browser-mode server of its own, pointed (DOCKER_CONFIG) at a temp docker config that
 * names a credential helper on PATH, and two real registries on loopback ports.
 */
const test = base.extend<{ ui: RegistriesPage }, { world: RegistryWorld }>({
  world: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const root = await fs.mkdtemp(path.join(os.tmpdir(), 'berth-reg-e2e-'));
      const bin = path.join(root, 'bin');
      const helper = await writeFakeCredentialHelper(bin, 'berthe2e');
      await fs.mkdir(path.join(root, 'docker'));
      await fs.writeFile(path.join(root, 'docker', 'config.json'), JSON.stringify({ credsStore: 'berthe2e', psFormat: 'table {{.ID}}' }));
      const [open, secured] = await Promise.all([startLocalRegistry(), startLocalRegistry({ auth: { username: USER, password: PASSWORD } })]);
      const server = await startBerthServer({
        DOCKER_CONFIG: path.join(root, 'docker'),
        BERTH_DATA_DIR: path.join(root, 'data'),
        PATH: `${bin}:${process.env.PATH}`,
      });
      await use({ server, open, secured, helper, root });
      await server.stop();
      await Promise.all([open.stop(), secured.stop()]);
      await fs.rm(root, { recursive: true, force: true });
    },
    { scope: 'worker' },
  ],
  ui: async ({ page, world }, use) => {
    // dist/ is shared: another e2e run's build may be rewriting it right now ("Not found."
    // for a moment). Load again until the app is there.
    await expect(async () => {
      await page.goto(world.server.loginUrl);
      await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible({ timeout: 5_000 });
    }).toPass({ timeout: 120_000 });
    const ui = new RegistriesPage(page);
    await ui.open();
    await use(ui);
  },
});

const imageExists = async (ref: string) => {
  try {
    await docker('image', 'inspect', ref);
    return true;
  } catch {
    return false;
  }
};

test.describe('registries', () => {
  test.describe.configure({ timeout: 180_000 });

  test('push through the UI, remove locally, pull back with per-layer progress', async ({ ui, world }) => {
    const source = `berth-test/e2e-registry-app:${randomBytes(3).toString('hex')}`;
    const ref = `${world.open.host}/berth-test/app:1`;
    try {
      await buildLayeredTestImage(source, 3_000_000);
      await docker('tag', source, ref);

      await ui.openTransfer('push');
      // Inline validation with the reference grammar: nothing is sent for a bad name.
      await ui.startTransfer('push', `${world.open.host}/Berth-Test/App:1`);
      await expect(ui.dialog.getByText('Repository names must be lowercase')).toBeVisible();
      await expect(ui.imageField('push')).toHaveAttribute('aria-invalid', 'true');
      await expect(ui.layers).toHaveCount(0);

      await ui.startTransfer('push', ref);
      await expect(ui.dialog.getByRole('status').filter({ hasText: `Pushed ${ref}.` })).toBeVisible({ timeout: 60_000 });
      await expect(ui.layers.first()).toBeVisible();
      expect(await ui.layers.count()).toBeGreaterThanOrEqual(2);
      for (const row of await ui.layers.all()) await expect(row).toHaveAccessibleName(/: (Done|Already exists)$/);
      await expect(ui.dialog.getByText(/^Digest sha256:[0-9a-f]{64}$/)).toBeVisible();
      await expect(ui.overall).toHaveAttribute('value', '100');
      await ui.dialog.getByRole('button', { name: 'Close' }).click();
      await expect(ui.dialog).toBeHidden();

      // Gone locally (the docker CLI as witness), with its own layer.
      await docker('rmi', ref, source);
      expect(await imageExists(ref)).toBe(false);

      await ui.openTransfer('pull');
      await ui.startTransfer('pull', ref);
      await expect(ui.dialog.getByRole('status').filter({ hasText: `Pulled ${ref}.` })).toBeVisible({ timeout: 60_000 });
      const names = await Promise.all((await ui.layers.all()).map((row) => row.getAttribute('aria-label')));
      expect(names.length).toBeGreaterThanOrEqual(2);
      // The busybox layer is shared with berth-test/busybox:1; the payload layer came down.
      expect(names.some((n) => /: Already exists$/.test(n ?? ''))).toBe(true);
      expect(names.some((n) => /: Done$/.test(n ?? ''))).toBe(true);
      await expect(ui.overall).toHaveAttribute('value', '100');
      await expect(ui.dialog.getByText(`Status: Downloaded newer image for ${ref}`)).toBeVisible();
      expect(await imageExists(ref)).toBe(true);
    } finally {
      await removeTestImage(ref);
      await removeTestImage(source);
    }
  });

  test('the images page pushes a row and pulls through its toolbar; the image comes back through events', async ({ ui, world }) => {
    const source = `berth-test/e2e-registry-row:${randomBytes(3).toString('hex')}`;
    const ref = `${world.open.host}/berth-test/row:1`;
    const page = ui.page;
    try {
      await buildLayeredTestImage(source, 500_000);
      await docker('tag', source, ref);
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Images' }).click();
      await page.getByRole('searchbox', { name: 'Filter images' }).fill('berth-test/row');
      await page.getByRole('button', { name: `Push ${ref}`, exact: true }).click();
      await expect(ui.imageField('push')).toHaveValue(ref);
      await ui.dialog.getByRole('button', { name: 'Push', exact: true }).click();
      await expect(ui.dialog.getByRole('status').filter({ hasText: `Pushed ${ref}.` })).toBeVisible({ timeout: 60_000 });
      await ui.dialog.getByRole('button', { name: 'Close' }).click();

      await docker('rmi', ref, source);
      await expect(page.getByRole('button', { name: `Push ${ref}`, exact: true })).toBeHidden({ timeout: 15_000 });

      await page.getByRole('toolbar', { name: 'Image actions' }).getByRole('button', { name: 'Pull image…' }).click();
      await ui.startTransfer('pull', ref);
      await expect(ui.dialog.getByRole('status').filter({ hasText: `Pulled ${ref}.` })).toBeVisible({ timeout: 60_000 });
      await ui.dialog.getByRole('button', { name: 'Close' }).click();
      // No refresh: the engine's image event brings the row back.
      await expect(page.getByRole('button', { name: `Push ${ref}`, exact: true })).toBeVisible({ timeout: 15_000 });
    } finally {
      await removeTestImage(ref);
      await removeTestImage(source);
    }
  });

  test('a pull of a missing tag says "not found" in plain words', async ({ ui, world }) => {
    await ui.openTransfer('pull');
    await ui.startTransfer('pull', `${world.open.host}/berth-test/nothing-here:1`);
    const alert = ui.dialog.getByRole('alert');
    await expect(alert).toContainText('Not found', { timeout: 30_000 });
    await expect(alert).toContainText(`was not found on ${world.open.host}`);
  });

  test('login: a bad password shows the error at the field; a good one is stored by the credential helper', async ({ ui, world }) => {
    await expect(ui.page.getByText('A new login is stored by the credential helper docker-credential-berthe2e.')).toBeVisible();
    await ui.logIn(world.secured.host, USER, 'not-the-password');
    const password = ui.field('Password or token');
    await expect(password).toHaveAttribute('aria-invalid', 'true', { timeout: 30_000 });
    await expect(password).toHaveAccessibleDescription(new RegExp(`^${world.secured.host.replace(/\./g, '\\.')} refused the username or password`));
    expect(await world.helper.read()).not.toHaveProperty(world.secured.host);

    await password.fill(PASSWORD);
    await ui.page.getByRole('button', { name: 'Log in', exact: true }).click();
    await expect(ui.page.getByText(`Logged in to ${world.secured.host}; stored in credential store berthe2e.`)).toBeVisible({ timeout: 30_000 });
    await expect(password).toHaveValue('');
    expect((await world.helper.read())[world.secured.host]).toEqual({ Username: USER, Secret: PASSWORD });
    await expect(ui.logoutButton(world.secured.host)).toBeVisible();
    // The secret never comes back to the page.
    expect(await ui.page.content()).not.toContain(PASSWORD);

    await ui.logoutButton(world.secured.host).click();
    await expect(ui.logoutButton(world.secured.host)).toBeHidden();
    expect(await world.helper.read()).not.toHaveProperty(world.secured.host);
    const config = JSON.parse(await fs.readFile(path.join(world.root, 'docker', 'config.json'), 'utf8')) as Record<string, unknown>;
    expect(config.psFormat).toBe('table {{.ID}}');
  });

  test('Docker Hub search says when the engine has no internet', async ({ ui }) => {
    await ui.hubSearch.fill('busybox');
    await ui.page.getByRole('button', { name: 'Search', exact: true }).click();
    // This machine is offline; where the engine can reach Docker Hub, results show instead.
    const offline = ui.page.getByRole('alert').filter({ hasText: /^The engine could not reach Docker Hub: .+/ });
    const results = ui.page.getByRole('list', { name: 'Docker Hub results' });
    await expect(offline.or(results)).toBeVisible({ timeout: 30_000 });
    if (await offline.isVisible()) await expect(offline).toContainText('no such host');
  });
});
