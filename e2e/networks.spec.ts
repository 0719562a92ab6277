import { randomBytes } from 'node:crypto';
import { test, expect } from './support/fixtures';
import {
  createTestContainer,
  createTestNetwork,
  fixtureClient,
  removeTestNetwork,
  TEST_RUN_ID,
  TEST_RUN_LABEL,
  uniqueName,
} from '../src-main/test-support/engine-fixtures';
import { NetworksPage } from './pages/networks-page';

// A block of its own per run, so runs that overlap in time do not refuse each other's subnets.
const block = 16 + (randomBytes(1)[0]! % 200);
const subnet = (n: number) => `10.${block}.${100 + n}.0/24`;
const made: string[] = [];

test.afterAll(async () => {
  for (const id of made) await removeTestNetwork(id);
});

test.describe('networks page', () => {
  test('Connect X to Y: the container appears on the network with its fixed IP, live, and disconnects', async ({ containersPage, page }) => {
    const ui = new NetworksPage(page);
    const net = uniqueName('net');
    made.push(await createTestNetwork(net, { subnet: subnet(1) }));
    const c = await createTestContainer();
    await expect(containersPage.engineStatus).toContainText('Connected');
    await ui.open();
    await ui.show(net);
    await expect(ui.row(net)).toContainText('No running container');

    await ui.button(`Connect a container to ${net}`).click();
    await expect(ui.dialog.getByRole('heading', { name: 'Connect container to network' })).toBeVisible();
    await ui.dialog.getByRole('combobox', { name: 'Container' }).selectOption({ label: c.name });
    await ui.field('Aliases').fill('db, store');
    // Outside the subnet: refused at the field, before the engine is asked.
    await ui.field('Fixed IP address').fill(`10.${block}.99.5`);
    await ui.dialog.getByRole('button', { name: 'Connect', exact: true }).click();
    await expect(ui.field('Fixed IP address')).toHaveAccessibleDescription(new RegExp(`outside the network's subnet \\(${subnet(1).replace(/\./g, '\\.')}\\)`));
    await expect(ui.field('Fixed IP address')).toBeFocused();
    await ui.field('Fixed IP address').fill(`10.${block}.101.42`);
    await ui.dialog.getByRole('button', { name: 'Connect', exact: true }).click();
    await expect(ui.dialog).toBeHidden();
    await expect(page.getByRole('status').filter({ hasText: `${c.name} connected to ${net}.` })).toBeVisible();

    // The row shows it with its address (a space apart, for screen readers too), from the engine's connect event.
    await expect(ui.row(net)).toContainText(`${c.name} 10.${block}.101.42`);
    await ui.row(net).getByRole('link', { name: net, exact: true }).click();
    const attached = page.getByRole('table', { name: `Containers on ${net}` });
    await expect(attached.getByRole('row').filter({ hasText: c.name })).toContainText(`10.${block}.101.42`);
    // Removing is refused while it is in use, with the reason.
    await expect(page.getByRole('button', { name: `Remove network ${net}` })).toHaveAttribute('aria-disabled', 'true');
    await expect(page.getByRole('button', { name: `Remove network ${net}` })).toHaveAccessibleDescription(new RegExp(`${c.name} is connected to it`));

    await page.getByRole('button', { name: `Disconnect ${c.name} from ${net}` }).click();
    await expect(attached).toBeHidden();
    await expect(page.getByText('No running container')).toBeVisible();

    // The container's details offer the same, from the other side.
    await page.goto(page.url().replace(/#.*$/, `#/containers/${c.id}`));
    await page.getByRole('button', { name: 'Connect to network' }).click();
    await ui.dialog.getByRole('combobox', { name: 'Network' }).selectOption({ label: net });
    await ui.dialog.getByRole('button', { name: 'Connect', exact: true }).click();
    await expect(page.getByRole('table', { name: `Networks of ${c.name}` }).getByRole('link', { name: net })).toBeVisible();
  });

  test('create refuses an invalid CIDR and an overlapping subnet at the field, then creates and removes', async ({ containersPage, page }) => {
    const ui = new NetworksPage(page);
    const taken = uniqueName('net');
    made.push(await createTestNetwork(taken, { subnet: subnet(2) }));
    await expect(containersPage.engineStatus).toContainText('Connected');
    await ui.open();
    await ui.show(taken);

    await ui.button('Create network').click();
    const name = uniqueName('new');
    await ui.field('Name').fill(name);
    await ui.field('Subnet').fill(`10.${block}.300.0/24`);
    await ui.field('Subnet').blur();
    await expect(ui.field('Subnet')).toHaveAccessibleDescription(/is not a subnet/);
    await ui.field('Subnet').fill(`10.${block}.102.128/25`);
    await ui.dialog.getByRole('button', { name: 'Create', exact: true }).click();
    await expect(ui.field('Subnet')).toHaveAccessibleDescription(new RegExp(`overlaps ${subnet(2).replace(/\./g, '\\.')}, the subnet of network ${taken}`));
    await ui.field('Subnet').fill(subnet(3));
    await ui.field('Gateway').fill(`10.${block}.104.1`);
    await ui.dialog.getByRole('button', { name: 'Create', exact: true }).click();
    await expect(ui.field('Gateway')).toHaveAccessibleDescription(/not inside the subnet/);
    await ui.field('Gateway').fill(`10.${block}.103.1`);
    await ui.field('Labels').fill(`${TEST_RUN_LABEL}=${TEST_RUN_ID}\nberth.test=1`);
    await ui.dialog.getByRole('button', { name: 'Create', exact: true }).click();
    await expect(ui.dialog).toBeHidden();
    await ui.show(name);
    await expect(ui.row(name)).toContainText(`${subnet(3)} (gateway 10.${block}.103.1)`);

    // Built-in networks cannot be removed; the button says why.
    await ui.show('bridge');
    await expect(ui.button('Remove network bridge')).toHaveAccessibleDescription(/built into the engine/);

    await ui.show(name);
    await ui.button(`Remove network ${name}`).click();
    await expect(ui.dialog).toContainText(`Network ${name} will be removed.`);
    await ui.dialog.getByRole('button', { name: 'Remove', exact: true }).click();
    await expect(ui.row(name)).toBeHidden();
  });

  test('the prune preview lists exactly what was removed (filtered to this run\'s networks)', async ({ containersPage, page }) => {
    const ui = new NetworksPage(page);
    const mark = `berth.test.e2e-prune=${randomBytes(4).toString('hex')}`;
    const [key, value] = mark.split('=') as [string, string];
    const unused = [uniqueName('pa'), uniqueName('pb')].sort();
    for (const n of unused) made.push(await createTestNetwork(n, { labels: { [key]: value } }));
    const busy = uniqueName('pbusy');
    made.push(await createTestNetwork(busy, { labels: { [key]: value } }));
    await createTestContainer({ network: busy });
    await expect(containersPage.engineStatus).toContainText('Connected');
    await ui.open();

    await ui.button('Remove unused networks').click();
    await ui.field('Only networks with the label').fill(`${mark} ${TEST_RUN_LABEL}=${TEST_RUN_ID}`);
    await ui.field('Only networks with the label').press('Enter');
    const preview = ui.dialog.getByRole('list', { name: 'Networks to remove' });
    await expect(preview.getByRole('listitem')).toHaveText(unused);
    await ui.dialog.getByRole('button', { name: 'Remove unused networks' }).click();
    const removed = ui.dialog.getByRole('list', { name: 'Removed networks' });
    await expect(removed.getByRole('listitem')).toHaveText(unused);

    const left = await fixtureClient().request<{ Name: string }[]>({
      method: 'GET',
      path: '/networks',
      query: { filters: JSON.stringify({ label: [mark] }) },
      action: 'list networks',
    });
    expect(left.map((n) => n.Name)).toEqual([busy]);
  });
});
