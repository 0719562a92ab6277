import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';

/**
 * Chromium aborts requests in flight with ERR_NETWORK_CHANGED when a container's network
 * interface comes or goes; the page then lacked a script and stayed blank. load-guard.js
 * reloads it. Here the first load of the app's scripts and styles is cut off on purpose.
 */

/** Counts the main frame's page loads (the first and every reload). */
function countPageLoads(page: Page): () => number {
  let loads = 0;
  page.on('request', (request) => {
    if (request.isNavigationRequest() && request.frame() === page.mainFrame()) loads++;
  });
  return () => loads;
}

// Each load asks for the entry script and stylesheet twice (the preload hints above the
// guard, then the tags after it), and for the app chunk the entry imports: the tests cut
// off whole loads, not single requests.
test('a page whose scripts and styles were cut off while loading reloads itself and draws', async ({ page, berth }) => {
  const loads = countPageLoads(page);
  let cut = 0;
  await page.route(/\/assets\/(index|app|style)-[^/]+\.(js|css)$/, async (route) => {
    if (loads() === 1) {
      cut++;
      await route.abort('failed');
    } else {
      await route.continue();
    }
  });
  await page.goto(berth.loginUrl);
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Containers' })).toBeVisible();
  expect(cut).toBeGreaterThanOrEqual(2);
  expect(loads()).toBe(2);
});

test('a page whose app chunk was cut off reloads itself once per failure and draws', async ({ page, berth }) => {
  const loads = countPageLoads(page);
  await page.route(/\/assets\/app-[^/]+\.js$/, async (route) => {
    if (loads() === 1) await route.abort('failed');
    else await route.continue();
  });
  await page.goto(berth.loginUrl);
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Containers' })).toBeVisible();
  expect(loads()).toBe(2);
});

test('a page whose app chunk never loads stops reloading after three tries', async ({ page, berth }) => {
  const loads = countPageLoads(page);
  await page.route(/\/assets\/app-[^/]+\.js$/, (route) => route.abort('failed'));
  await page.goto(berth.loginUrl);
  // Counted once per load although the preload hint and the entry's import both fail.
  await expect.poll(loads).toBe(4);
  await expect(page.getByRole('navigation', { name: 'Main' })).toHaveCount(0);
  await page.waitForLoadState('load');
  expect(loads()).toBe(4);
});

test('a page that cannot load at all stops reloading after three tries', async ({ page, berth }) => {
  const loads = countPageLoads(page);
  await page.route(/\/assets\/index-[^/]+\.js$/, (route) => route.abort('failed'));
  await page.goto(berth.loginUrl);
  // The first load and three reloads, then the guard gives up (no endless loop).
  await expect.poll(loads).toBe(4);
  await expect(page.getByRole('navigation', { name: 'Main' })).toHaveCount(0);
  await page.waitForLoadState('load');
  expect(loads()).toBe(4);
});
