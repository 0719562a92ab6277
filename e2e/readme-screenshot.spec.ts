import path from 'node:path';
import { expect, test } from '@playwright/test';
import { DEMO, endTour, startTour, type Tour } from './support/ui-tour';

// The README's screenshot is taken by the e2e run, so it always shows the app as it is.
test('containers page screenshot for the README', async ({ browser }) => {
  test.setTimeout(180_000);
  let tour: Tour | undefined;
  try {
    tour = await startTour(browser, { width: 1280, height: 720 });
    const { page } = tour;
    await page.getByRole('searchbox', { name: 'Filter containers' }).fill(DEMO.filter);
    await expect(page.getByRole('link', { name: DEMO.worker, exact: true })).toBeVisible();
    await expect(page.getByRole('link', { name: DEMO.web, exact: true })).toBeVisible();
    await page.getByRole('heading', { level: 1 }).click();
    await page.screenshot({ path: path.join(import.meta.dirname, '..', 'docs', 'screenshot.png'), animations: 'disabled', caret: 'hide' });
  } finally {
    await endTour(tour);
  }
});
