import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { createTestContainer, createTestNetwork, fixtureClient, TEST_LABELS, uniqueName } from '../src-main/test-support/engine-fixtures';

/** Every action reachable by keyboard: the sidebar, a container's page, a dialog and back. */
test.describe('keyboard', () => {
  test('Tab reaches the sidebar entries in order, and Enter opens a page', async ({ containersPage: ui }) => {
    const page = ui.page;
    await expect(ui.engineStatus).toContainText('Connected');
    const nav = page.getByRole('navigation', { name: 'Main' });
    // Every entry nav-items.ts lists, in its order, then the fold button.
    const entries = await nav.getByRole('link').evaluateAll((links) => links.map((l) => (l.textContent ?? '').trim()));
    expect(entries.slice(0, 2)).toEqual(['Containers', 'Images']);
    expect(entries.at(-1)).toBe('Settings');
    await page.locator('body').focus();
    const reached: string[] = [];
    for (let i = 0; i < entries.length + 2; i++) {
      await page.keyboard.press('Tab');
      const name = await page.evaluate(() => {
        const el = document.activeElement;
        return el?.closest('nav') ? (el.getAttribute('aria-label') ?? el.textContent ?? '').trim() : null;
      });
      if (name) reached.push(name);
    }
    expect(reached).toEqual([...entries, 'Collapse sidebar']);
    await expect(nav.getByRole('link', { name: 'Containers' })).toHaveAttribute('aria-current', 'page');

    await nav.getByRole('link', { name: 'Images' }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: 'Images' })).toBeVisible();
    await expect(nav.getByRole('link', { name: 'Images' })).toHaveAttribute('aria-current', 'page');
  });

  test('the sidebar folds to icons by keyboard, keeps its names, and stays folded after a reload', async ({ containersPage: ui }) => {
    const page = ui.page;
    const nav = page.getByRole('navigation', { name: 'Main' });
    const toggle = nav.getByRole('button', { name: 'Collapse sidebar' });
    await toggle.focus();
    await page.keyboard.press('Enter');
    await expect(nav.getByRole('button', { name: 'Expand sidebar' })).toHaveAttribute('aria-expanded', 'false');
    await expect(nav.getByRole('link', { name: 'Registries' })).toBeVisible();
    await nav.getByRole('link', { name: 'Registries' }).focus();
    await expect(nav.locator('.sidebar-tooltip', { hasText: 'Registries' })).toBeVisible();
    await page.reload();
    await expect(nav.getByRole('button', { name: 'Expand sidebar' })).toBeVisible();
    await nav.getByRole('button', { name: 'Expand sidebar' }).press('Enter');
    await expect(nav.getByRole('button', { name: 'Collapse sidebar' })).toBeVisible();
  });

  test('a container opens from the list by keyboard; its tabs move with the arrows', async ({ containersPage: ui }) => {
    const c = await createTestContainer({ start: true });
    const page = ui.page;
    await ui.filter.focus();
    await page.keyboard.type(c.name);
    await expect(ui.nameLink(c.name)).toBeVisible();
    // From the filter, Tab walks the toolbar and the table to the row's link.
    for (let i = 0; i < 15 && !(await ui.nameLink(c.name).evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
    await expect(ui.nameLink(c.name)).toBeFocused();
    await page.keyboard.press('Enter');
    const overview = page.getByRole('tab', { name: 'Overview' });
    await expect(overview).toHaveAttribute('aria-selected', 'true');
    await overview.focus();
    await page.keyboard.press('ArrowRight');
    await expect(page.getByRole('tab', { name: 'Inspect' })).toBeFocused();
    await expect(page.getByRole('tab', { name: 'Inspect' })).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('End');
    await expect(page.getByRole('tab', { name: 'Changes' })).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('Home');
    await expect(overview).toHaveAttribute('aria-selected', 'true');
  });

  test('a dialog opens from the keyboard, Escape closes it, and focus returns to its opener', async ({ containersPage: ui }) => {
    const c = await createTestContainer({ start: false });
    const page = ui.page;
    await ui.show(c.name);
    const remove = ui.action('Remove', c.name);
    await remove.focus();
    await page.keyboard.press('Enter');
    await expect(ui.dialog).toBeVisible();
    await expect(ui.dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(ui.dialog).toBeHidden();
    await expect(remove).toBeFocused();

    const run = page.getByRole('button', { name: 'Run container', exact: true });
    await run.focus();
    await page.keyboard.press('Space');
    await expect(page.getByRole('dialog', { name: 'Run a container' })).toBeVisible();
    await expect(page.getByRole('dialog').getByLabel('Image', { exact: true })).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toBeHidden();
    await expect(run).toBeFocused();
  });
});

/** The accessible-ish name of what has focus: its aria-label, else its text. */
const focusedName = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    return el ? (el.getAttribute('aria-label') ?? el.textContent ?? '').trim() : '';
  });

/** Presses Tab until `last` has focus (at most `limit` times); returns the names passed on the way. */
async function tabUntil(page: Page, last: string, limit = 30): Promise<string[]> {
  const passed: string[] = [];
  for (let i = 0; i < limit && passed.at(-1) !== last; i++) {
    await page.keyboard.press('Tab');
    passed.push(await focusedName(page));
  }
  return passed;
}

test.describe('keyboard on the storage and network pages', () => {
  test('a volume row: Tab goes link, Browse, Remove; its remove dialog opens by Enter and gives focus back on Escape', async ({ containersPage: ui }) => {
    const page = ui.page;
    const volume = uniqueName('kbd-vol');
    await fixtureClient().createVolume(volume, { ...TEST_LABELS });
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Volumes' }).click();
    await page.getByRole('searchbox', { name: 'Filter volumes' }).focus();
    await page.keyboard.type(volume);
    await expect(page.getByRole('link', { name: volume, exact: true })).toBeVisible();
    const passed = await tabUntil(page, `Remove volume ${volume}`);
    expect(passed.slice(-3)).toEqual([volume, `Browse ${volume}`, `Remove volume ${volume}`]);
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: `Remove volume ${volume}` });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('button', { name: `Remove volume ${volume}`, exact: true })).toBeFocused();
  });

  test('a network row: Tab goes link, Connect, Remove; Create network opens on its first field and gives focus back on Escape', async ({ containersPage: ui }) => {
    const page = ui.page;
    const network = uniqueName('kbd-net');
    await createTestNetwork(network);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Networks' }).click();
    await page.getByRole('searchbox', { name: 'Filter networks' }).focus();
    await page.keyboard.type(network);
    await expect(page.getByRole('link', { name: network, exact: true })).toBeVisible();
    const passed = await tabUntil(page, `Remove network ${network}`);
    expect(passed.slice(-3)).toEqual([network, `Connect a container to ${network}`, `Remove network ${network}`]);

    const create = page.getByRole('button', { name: 'Create network', exact: true });
    await create.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Create network' });
    await expect(dialog.getByLabel('Name', { exact: true })).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(create).toBeFocused();
  });
});
