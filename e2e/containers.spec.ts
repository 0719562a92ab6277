import { test, expect } from './support/fixtures';
import { createTestContainer, uniqueName } from '../src-main/test-support/engine-fixtures';
import type { ContainersPage } from './pages/containers-page';
import { docker, inspectState } from './support/docker-cli';

test.describe('containers page', () => {
  test('lists containers created through the engine API', async ({ containersPage: ui }) => {
    const running = await createTestContainer({ start: true });
    const stopped = await createTestContainer({ start: false });
    await expect(ui.engineStatus).toContainText('Connected');
    await ui.show(running.name);
    await expect(ui.action('Stop', running.name)).toBeVisible();
    await ui.show(stopped.name);
    await expect(ui.action('Start', stopped.name)).toBeVisible();
  });

  test('stop and start through the UI change what the engine says', async ({ containersPage: ui }) => {
    const c = await createTestContainer({ start: true });
    await ui.show(c.name);
    await ui.action('Stop', c.name).click();
    await expect(ui.action('Start', c.name)).toBeVisible({ timeout: 15_000 });
    expect((await inspectState(c.name))?.running).toBe(false);

    await ui.action('Start', c.name).click();
    await expect(ui.action('Stop', c.name)).toBeVisible();
    expect((await inspectState(c.name))?.running).toBe(true);
  });

  test('the remove dialog names the container, and cancelling removes nothing', async ({ containersPage: ui }) => {
    const c = await createTestContainer({ start: false });
    await ui.show(c.name);
    await ui.action('Remove', c.name).click();
    await expect(ui.dialog).toBeVisible();
    await expect(ui.dialog).toContainText(c.name);
    await expect(ui.dialog.getByRole('checkbox', { name: 'Also remove anonymous volumes' })).not.toBeChecked();
    await ui.dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(ui.dialog).toBeHidden();
    expect(await inspectState(c.name)).not.toBeNull();

    await ui.action('Remove', c.name).click();
    await ui.dialog.getByRole('button', { name: 'Remove', exact: true }).click();
    await expect(ui.nameLink(c.name)).toBeHidden();
    expect(await inspectState(c.name)).toBeNull();
  });

  test('removing a running container needs an explicit force choice', async ({ containersPage: ui }) => {
    const c = await createTestContainer({ start: true });
    await ui.show(c.name);
    await ui.action('Remove', c.name).click();
    const confirm = ui.dialog.getByRole('button', { name: 'Remove', exact: true });
    await expect(confirm).toBeDisabled();
    await ui.dialog.getByRole('checkbox', { name: /Force remove/ }).check();
    await confirm.click();
    await expect(ui.nameLink(c.name)).toBeHidden();
    expect(await inspectState(c.name)).toBeNull();
  });

  test('containers started or removed outside the app show up within a second', async ({ containersPage: ui }) => {
    await expect(ui.engineStatus).toContainText('Connected');
    const c = await createTestContainer({ start: true });
    await ui.filter.fill(c.name);
    await expect(ui.nameLink(c.name)).toBeVisible({ timeout: 1_000 });
    await docker('rm', '-f', c.name);
    await expect(ui.nameLink(c.name)).toBeHidden({ timeout: 1_000 });
  });

  test('an engine error names the container and the engine reason', async ({ containersPage: ui }) => {
    const c = await createTestContainer({ start: false, cmd: ['/no-such-binary'] });
    await ui.show(c.name);
    await ui.action('Start', c.name).click();
    const alert = ui.page.getByRole('alert');
    await expect(alert).toContainText(c.name);
    await expect(alert).toContainText('no-such-binary');
    expect((await inspectState(c.name))?.running).toBe(false);
  });

  test('the details view shows the overview and the inspect JSON', async ({ containersPage: ui }) => {
    const c = await createTestContainer({ start: true, labels: { 'berth.e2e.role': 'details' } });
    await ui.show(c.name);
    await ui.nameLink(c.name).click();
    await expect(ui.page.getByRole('tab', { name: 'Overview' })).toBeVisible();
    await expect(ui.page.getByRole('main')).toContainText('berth-test/busybox:1');
    await expect(ui.page.getByRole('main')).toContainText('berth.e2e.role');
    await ui.page.getByRole('tab', { name: 'Inspect' }).click();
    await ui.page.getByRole('searchbox', { name: 'Search inspect JSON' }).fill('berth.e2e.role');
    await expect(ui.page.getByRole('main')).toContainText(/1 of 1|1\/1|1 match/);
    await docker('rm', '-f', c.name);
    await expect(ui.page.getByText('This container was removed.')).toBeVisible({ timeout: 2_000 });
  });
});

test.describe('the virtualized list', () => {
  /**
   * How far the rendered rows reach below the top of the list's scroll box, and how tall
   * the box is. The list learns its height from a ResizeObserver after layout (not from a
   * read while it mounts), so this checks that the rows still follow the box.
   */
  async function coverage(ui: ContainersPage) {
    const body = ui.page.getByRole('table', { name: 'Containers' }).getByRole('rowgroup').nth(1);
    return body.evaluate((box) => {
      const top = box.getBoundingClientRect().top;
      const rows = [...box.querySelectorAll('[role="row"]')].map((r) => r.getBoundingClientRect().bottom - top);
      return { rows: rows.length, reach: Math.max(0, ...rows), height: box.clientHeight };
    });
  }

  test('draws the rows that fill the window, and more when the window grows', async ({ containersPage: ui }) => {
    const prefix = uniqueName('fill');
    const total = 60;
    for (let i = 0; i < total; i += 10) {
      const batch = Array.from({ length: 10 }, (_, j) => `${prefix}-${String(i + j).padStart(2, '0')}`);
      await Promise.all(batch.map((name) => createTestContainer({ name, start: false })));
    }
    await ui.page.setViewportSize({ width: 1280, height: 480 });
    await ui.filter.fill(prefix);
    // "60 containers" when these are all the engine has, "60 of N containers" otherwise.
    await expect(ui.page.getByText(new RegExp(`^${total}( of \\d+)? containers$`))).toBeVisible({ timeout: 15_000 });
    const fills = (c: Awaited<ReturnType<typeof coverage>>) => c.rows > 0 && c.reach >= c.height;
    await expect.poll(async () => fills(await coverage(ui))).toBe(true);
    const small = await coverage(ui);
    expect(small.rows).toBeLessThan(total);
    // The created time's full date (its title) comes once the locale data is loaded after
    // the first screen (shared/locale-formats.ts).
    const firstRow = ui.page.getByRole('row', { name: new RegExp(`${prefix}-00`) });
    await expect(firstRow.locator('time')).toHaveAttribute('title', /\d{4}|\d{1,2}:\d{2}/);

    await ui.page.setViewportSize({ width: 1280, height: 1400 });
    await expect.poll(async () => {
      const c = await coverage(ui);
      return c.height > small.height && fills(c);
    }).toBe(true);
    expect((await coverage(ui)).rows).toBeGreaterThan(small.rows);
  });
});

test.describe('action notices', () => {
  test('a stop that waits for the process says how long it may wait before SIGKILL', async ({ containersPage: ui }) => {
    // A main process that ignores SIGTERM: the engine waits out its grace period.
    const c = await createTestContainer({ start: true, cmd: ['sh', '-c', 'trap "" TERM; while :; do sleep 1; done'] });
    await ui.show(c.name);
    await ui.action('Stop', c.name).click();
    await expect(ui.page.getByRole('status').filter({ hasText: `Stopping ${c.name} — waiting up to 10 s before SIGKILL` })).toBeVisible();
    await expect(ui.action('Start', c.name)).toBeVisible({ timeout: 30_000 });
  });
});
