import { expect, test } from './support/fixtures';

/**
 * Chromium aborts requests in flight with ERR_NETWORK_CHANGED when a container's network
 * interface comes or goes; the page then lacked a script and stayed blank. load-guard.js
 * reloads it. Here the first load of the app's scripts and styles is cut off on purpose.
 */
test('a page whose scripts and styles were cut off while loading reloads itself and draws', async ({ page, berth }) => {
  let cut = 0;
  await page.route(/\/assets\/index-[^/]+\.(js|css)$/, async (route) => {
    if (cut < 2) {
      cut++;
      await route.abort('failed');
    } else {
      await route.continue();
    }
  });
  await page.goto(berth.loginUrl);
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Containers' })).toBeVisible();
  expect(cut).toBe(2);
});

test('a page that cannot load at all stops reloading after three tries', async ({ page, berth }) => {
  let requests = 0;
  await page.route(/\/assets\/index-[^/]+\.js$/, async (route) => {
    requests++;
    await route.abort('failed');
  });
  await page.goto(berth.loginUrl);
  // The first load and three reloads, then the guard gives up (no endless loop).
  await expect.poll(() => requests).toBe(4);
  await expect(page.getByRole('navigation', { name: 'Main' })).toHaveCount(0);
  await page.waitForLoadState('load');
  expect(requests).toBe(4);
});
