import { test, expect } from './support/fixtures';
import { createTestContainer, TEST_IMAGE } from '../src-main/test-support/engine-fixtures';
import { inspectState } from './support/docker-cli';
import { Palette } from './pages/palette';

test.describe('command palette and shortcuts', () => {
  test('Ctrl+K works from the moment the page shows', async ({ containersPage: ui, page }) => {
    await expect(ui.engineStatus).toContainText('Connected');
    // On the reload, Ctrl+K is pressed in the very moment the page's sidebar appears (a
    // DOM observer's callback, right after the first render's commit), before any later task.
    await page.addInitScript(() => {
      const observer = new MutationObserver(() => {
        if (!document.querySelector('nav[aria-label="Main"]')) return;
        observer.disconnect();
        document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'k', ctrlKey: true, bubbles: true }));
      });
      observer.observe(document, { subtree: true, childList: true });
    });
    await page.reload();
    await expect(new Palette(page).input).toBeFocused();
  });

  test('Ctrl+K finds a container by name and runs "Stop <name>"', async ({ containersPage: ui, page }) => {
    const c = await createTestContainer({ start: true });
    await expect(ui.engineStatus).toContainText('Connected');
    await ui.show(c.name);
    await ui.filter.focus();
    const palette = new Palette(page);
    await palette.open();
    await expect(palette.dialog).toBeVisible();

    await palette.input.fill(c.name);
    // The container itself comes first, its actions after.
    await expect(palette.selected).toHaveAccessibleName(c.name);
    await expect(palette.option(`Stop ${c.name}`)).toBeVisible();
    await expect(palette.option(`Start ${c.name}`)).toHaveCount(0);

    await palette.run(`stop ${c.name}`, `Stop ${c.name}`);
    // Focus went back where it was.
    await expect(ui.filter).toBeFocused();
    await expect(ui.action('Start', c.name)).toBeVisible({ timeout: 15_000 });
    expect((await inspectState(c.name))?.running).toBe(false);
  });

  test('arrows move through the results, Enter opens one, Escape closes and gives focus back', async ({ containersPage: ui, page }) => {
    const c = await createTestContainer({ start: false });
    await ui.show(c.name);
    const palette = new Palette(page);
    await ui.filter.focus();
    await palette.open();
    await palette.input.fill('go to');
    // Equal matches: the shorter label first.
    await expect(palette.selected).toHaveAccessibleName('Go to Images');
    await page.keyboard.press('ArrowDown');
    await expect(palette.selected).toHaveAccessibleName('Go to Volumes');
    await page.keyboard.press('ArrowUp');
    await expect(palette.selected).toHaveAccessibleName('Go to Images');
    // Up from the first wraps to the last.
    await page.keyboard.press('ArrowUp');
    await expect(palette.results.getByRole('option').last()).toHaveAttribute('aria-selected', 'true');
    await expect(palette.input).toHaveAttribute('aria-activedescendant', /.+/);
    await page.keyboard.press('Escape');
    await expect(palette.dialog).toBeHidden();
    await expect(ui.filter).toBeFocused();

    // Opening a container from the palette goes to its page.
    await palette.open();
    await palette.run(c.name, c.name);
    await expect(page).toHaveURL(/#\/containers\/[0-9a-f]+$/);
    await expect(page.getByRole('heading', { name: c.name })).toBeVisible();
  });

  test('finds an image by name and opens its page', async ({ containersPage: ui, page }) => {
    await expect(ui.engineStatus).toContainText('Connected');
    const palette = new Palette(page);
    await palette.open();
    await palette.input.fill(TEST_IMAGE);
    await expect(palette.option(TEST_IMAGE)).toBeVisible();
    await expect(palette.option(`Run ${TEST_IMAGE}`)).toBeVisible();
    await palette.run(TEST_IMAGE, TEST_IMAGE);
    await expect(page).toHaveURL(/#\/images\/sha256%3A[0-9a-f]{64}$/);
  });

  test('g s and g c go to the pages, ? lists the shortcuts, and typing in a field does not trigger them', async ({ containersPage: ui, page }) => {
    await expect(ui.engineStatus).toContainText('Connected');
    const palette = new Palette(page);
    await palette.blur();
    await page.keyboard.press('g');
    await page.keyboard.press('s');
    await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
    await expect(page).toHaveURL(/#\/settings$/);
    await page.keyboard.press('g');
    await page.keyboard.press('i');
    await expect(page).toHaveURL(/#\/images$/);
    await page.keyboard.press('g');
    await page.keyboard.press('c');
    await expect(page).toHaveURL(/#\/containers$/);

    await ui.filter.focus();
    await page.keyboard.type('gs?');
    await expect(ui.filter).toHaveValue('gs?');
    await expect(page).toHaveURL(/#\/containers$/);
    await ui.filter.fill('');

    await palette.blur();
    await page.keyboard.press('Shift+?');
    await expect(palette.help).toBeVisible();
    const row = palette.help.getByRole('row', { name: /Go to Settings/ });
    await expect(row).toContainText('G then S');
    await expect(palette.help.getByRole('row', { name: /Open the command palette/ })).toContainText('Ctrl+K');
    await expect(palette.help.getByRole('button', { name: 'Close' })).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(palette.help).toBeHidden();
  });

  test('the palette lists the page shortcuts, and every control shows focus', async ({ containersPage: ui, page }) => {
    await expect(ui.engineStatus).toContainText('Connected');
    const palette = new Palette(page);
    await palette.open();
    await palette.input.fill('settings');
    await expect(palette.option('Go to Settings')).toContainText('G then S');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
    // Tab to the first radio: a visible focus ring (outline) is painted.
    await page.getByRole('radio', { name: 'Automatic' }).focus();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Shift+Tab');
    const outline = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      const style = getComputedStyle(el);
      return { style: style.outlineStyle, width: style.outlineWidth };
    });
    expect(outline).toEqual({ style: 'solid', width: '2px' });
  });

  test('global commands: "pull" runs Pull image…, "prune" opens the prune preview, "run" the run dialog', async ({ containersPage: ui, page }) => {
    await createTestContainer({ start: true, name: `hello-world-${Date.now()}` });
    await expect(ui.engineStatus).toContainText('Connected');
    const palette = new Palette(page);
    await palette.open();
    // A container's "Pause …" matches p-u-l-l letter by letter; the command's word start wins.
    await palette.run('pull', 'Pull image…');
    await expect(page.getByRole('dialog', { name: 'Pull image' })).toBeVisible();
    await page.keyboard.press('Escape');
    await palette.open();
    await palette.run('prune', 'Prune images…');
    await expect(page.getByRole('dialog', { name: 'Prune images' })).toBeVisible();
    await page.keyboard.press('Escape');
    await palette.open();
    await palette.run('run cont', 'Run container…');
    await expect(page.getByRole('dialog', { name: 'Run a container' })).toBeVisible();
  });
});
