import { test, expect } from './support/fixtures';
import { createTestContainer, createTestNetwork, removeTestContainer, removeTestNetwork, removeTestVolume, TEST_LABELS, uniqueName } from '../src-main/test-support/engine-fixtures';
import { docker } from './support/docker-cli';

test.describe('activity page', () => {
  test('shows the engine events in words, newest first, filters them, and links to objects that still exist', async ({ containersPage, page }) => {
    const net = uniqueName('net');
    const netId = await createTestNetwork(net);
    const c = await createTestContainer({ network: net });
    await expect(containersPage.engineStatus).toContainText('Connected');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Activity' }).click();
    await expect(page.getByRole('heading', { name: 'Activity', level: 1 })).toBeVisible();

    const list = page.getByRole('list', { name: 'Engine events' });
    await page.getByRole('searchbox', { name: 'Filter by name or id' }).fill(c.name);
    // What happened before the page was opened is there, in words, newest first.
    await expect(list.getByRole('listitem').first()).toContainText(`Container ${c.name} started`);
    await expect(list.getByRole('link', { name: `Network ${net}: container ${c.name} connected` })).toHaveAttribute('href', `#/networks/${netId}`);
    await expect(list.getByRole('link', { name: `Container ${c.name} created` })).toHaveAttribute('href', `#/containers/${c.id}`);

    // Live: a stop arrives on top.
    await page.getByRole('checkbox', { name: 'Networks' }).uncheck();
    await removeTestContainer(c.id);
    await expect(list.getByRole('listitem').first()).toContainText(`Container ${c.name} removed`);
    await expect(list).not.toContainText(`Network ${net}`);
    // The container is gone: its events no longer link anywhere.
    await expect(list.getByRole('link')).toHaveCount(0);

    await removeTestNetwork(netId);
    await page.getByRole('checkbox', { name: 'Networks' }).check();
    await page.getByRole('searchbox', { name: 'Filter by name or id' }).fill(net);
    await expect(list.getByRole('listitem').first()).toContainText(`Network ${net} removed`);
  });

  test('a volume event links to the volume\'s page while the volume exists, and is plain text once it is removed', async ({ containersPage, page }) => {
    const name = uniqueName('act-vol');
    const labels = Object.entries(TEST_LABELS).flatMap(([k, v]) => ['--label', `${k}=${v}`]);
    await docker('volume', 'create', ...labels, name);
    try {
      await expect(containersPage.engineStatus).toContainText('Connected');
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Activity' }).click();
      const list = page.getByRole('list', { name: 'Engine events' });
      await page.getByRole('searchbox', { name: 'Filter by name or id' }).fill(name);
      const created = list.getByRole('link', { name: `Volume ${name} created` });
      await expect(created).toHaveAttribute('href', `#/volumes/${name}`);
      await created.click();
      await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();

      await page.goBack();
      await removeTestVolume(name);
      await page.getByRole('searchbox', { name: 'Filter by name or id' }).fill(name);
      await expect(list.getByRole('listitem').first()).toContainText(`Volume ${name} removed`);
      await expect(list.getByRole('link')).toHaveCount(0);
    } finally {
      await removeTestVolume(name);
    }
  });
});
