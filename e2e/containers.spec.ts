import { test, expect } from './support/fixtures';
import { createTestContainer } from '../src-main/test-support/engine-fixtures';
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
