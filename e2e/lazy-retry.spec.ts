import { expect, test } from './support/fixtures';

/**
 * A page's code loads on first use; a fetch of it cut off in flight (ERR_NETWORK_CHANGED
 * when a container's network interface comes or goes) is tried once more, so the page
 * opens instead of showing a failure.
 */
test('a page whose code was cut off on the way opens anyway', async ({ containersPage: ui }) => {
  const page = ui.page;
  await expect(ui.engineStatus).toContainText('Connected');
  let cut = 0;
  await page.route(/\/assets\/NetworksPage-[^/]+\.js$/, async (route) => {
    if (cut === 0) {
      cut++;
      await route.abort('failed');
    } else {
      await route.continue();
    }
  });
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Networks' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Networks' })).toBeVisible();
  expect(cut).toBe(1);
});
