import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { closeDialog, endTour, startTour, views, WIDTHS, type Demo, type Tour } from './support/ui-tour';

/**
 * axe-core on every page and dialog, in the light and the dark theme (chosen on the
 * Settings page, as a user does): no serious or critical violation. One server, one page
 * and one set of fixtures for the file.
 */
let tour: Tour | undefined;
let page: Page;
let demo: Demo;

test.beforeAll(async ({ browser }) => {
  test.setTimeout(180_000);
  tour = await startTour(browser, WIDTHS[1]);
  ({ page, demo } = tour);
});

test.afterAll(() => endTour(tour));

/**
 * xterm.js keeps a transparent textarea one cell in size under its screen, at the cursor,
 * to receive typing and IME input. It is not a pointer target (the screen above it takes
 * the clicks), so WCAG 2.5.8's target size does not apply to it; axe cannot tell and
 * reports it wherever the cursor happens to be. Every other rule still checks it (its name).
 */
function isXtermInputProxy(rule: string, html: string): boolean {
  return rule === 'target-size' && html.startsWith('<textarea class="xterm-helper-textarea"');
}

async function useTheme(p: Page, theme: 'Light' | 'Dark'): Promise<void> {
  const want = theme.toLowerCase();
  if ((await p.locator('html').getAttribute('data-theme')) === want && (await p.locator('html').getAttribute('data-theme-choice')) === want) return;
  await p.evaluate(() => (window.location.hash = '#/settings'));
  await p.getByRole('group', { name: 'Theme' }).getByRole('radio', { name: theme, exact: true }).check();
  await expect(p.locator('html')).toHaveAttribute('data-theme', want);
}

for (const theme of ['Light', 'Dark'] as const) {
  for (const view of views) {
    test(`${view.name}, ${theme.toLowerCase()} theme: no serious or critical axe violations`, async () => {
      await useTheme(page, theme);
      await view.open(page, demo);
      const builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']);
      const results = await (view.dialog ? builder.include('dialog[open]') : builder).analyze();
      if (view.dialog) await closeDialog(page);
      const serious = results.violations
        .map((v) => ({ ...v, nodes: v.nodes.filter((n) => !isXtermInputProxy(v.id, n.html)) }))
        .filter((v) => v.nodes.length > 0)
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(' | ')}`);
      expect(serious).toEqual([]);
    });
  }
}
