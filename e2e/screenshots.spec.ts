import path from 'node:path';
import { mkdirSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { endTour, startTour, views, type Demo, type Tour } from './support/ui-tour';

/**
 * docs/screenshots/<page>-<theme>.png, one per main page in the light and the dark theme,
 * taken by the e2e run so the docs always show the app as it is. The cast is the fixed demo
 * of support/ui-tour.ts; only ports, IDs and ages differ between runs.
 */
const out = path.join(import.meta.dirname, '..', 'docs', 'screenshots');
const shots: Record<string, string> = {
  containers: 'containers',
  'container-overview': 'container-details',
  'container-logs': 'container-logs',
  'container-terminal': 'container-terminal',
  'container-stats': 'container-stats',
  images: 'images',
  'image-layers': 'image-layers',
  build: 'build',
  registries: 'registries',
  settings: 'settings',
  'run-dialog': 'run-dialog',
  volumes: 'volumes',
  'volume-overview': 'volume-details',
  'volume-files': 'volume-files',
  'remove-volume-dialog': 'remove-volume-dialog',
  networks: 'networks',
  'networks-empty': 'networks-empty',
  'network-details': 'network-details',
  'create-network-dialog': 'create-network-dialog',
  'connect-network-dialog': 'connect-network-dialog',
  'disk-usage': 'disk-usage',
  'disk-cleanup-containers-dialog': 'disk-cleanup-dialog',
  activity: 'activity',
  'container-files': 'container-files',
};

let tour: Tour | undefined;
let page: Page;
let demo: Demo;

test.beforeAll(async ({ browser }) => {
  test.setTimeout(180_000);
  mkdirSync(out, { recursive: true });
  tour = await startTour(browser, { width: 1400, height: 860 });
  ({ page, demo } = tour);
});

test.afterAll(() => endTour(tour));

for (const theme of ['Light', 'Dark'] as const) {
  test(`every main page in the ${theme.toLowerCase()} theme`, async () => {
    test.setTimeout(120_000);
    await page.evaluate(() => (window.location.hash = '#/settings'));
    await page.getByRole('group', { name: 'Theme' }).getByRole('radio', { name: theme, exact: true }).check();
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme.toLowerCase());
    for (const view of views.filter((v) => shots[v.name])) {
      await view.open(page, demo);
      if (view.name === 'container-terminal') {
        await page.getByRole('region', { name: 'Terminal Session 1' }).click();
        await page.keyboard.type('clear; ls -l /srv/www; cat /etc/demo-app/app.conf\n');
        await expect(page.locator('.xterm-rows')).toContainText('index.html');
      }
      // Nothing blinking or half-drawn in the picture.
      await page.mouse.move(0, 0);
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      await page.screenshot({ path: path.join(out, `${shots[view.name]}-${theme.toLowerCase()}.png`), animations: 'disabled', caret: 'hide' });
      if (view.dialog) {
        await page.keyboard.press('Escape');
        await expect(page.locator('dialog[open]')).toHaveCount(0);
      }
    }
  });
}
