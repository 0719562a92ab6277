import { expect, test, type Page } from '@playwright/test';
import { findHiddenDialogActions, findLayoutProblems } from './support/layout-check';
import { closeDialog, endTour, startTour, views, WIDTHS, type Demo, type Tour } from './support/ui-tour';

/**
 * Every page and dialog at 1024, 1400 and 1920 px: no text cut off or spilling out of its
 * box, no word broken across lines (support/layout-check.ts says exactly what counts),
 * dialog actions inside the window, the terminal filling its tab. One server, one page and
 * one set of fixtures for the whole file.
 */

let tour: Tour | undefined;
let page: Page;
let demo: Demo;

test.beforeAll(async ({ browser }) => {
  test.setTimeout(180_000);
  tour = await startTour(browser, WIDTHS[0]);
  ({ page, demo } = tour);
});

test.afterAll(() => endTour(tour));

/** Lets layout settle after a resize: two frames, then the fonts. */
const settle = (p: Page) => p.evaluate(() => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => void document.fonts.ready.then(() => r())))));

async function terminalGap(p: Page): Promise<string | null> {
  return p.evaluate(() => {
    const term = document.querySelector('.xterm');
    const panel = document.querySelector('[role="tabpanel"]');
    if (!term || !panel) return 'no terminal or tab panel';
    const t = term.getBoundingClientRect();
    const q = panel.getBoundingClientRect();
    const bottom = q.bottom - t.bottom;
    const right = q.right - t.right;
    return bottom > 24 || right > 24 ? `the terminal leaves ${Math.round(bottom)} px below and ${Math.round(right)} px to the right of its tab empty` : null;
  });
}

for (const view of views) {
  test(`${view.name} holds its layout at ${WIDTHS.map((w) => w.width).join(', ')} px`, async () => {
    await page.setViewportSize(WIDTHS[1]);
    await view.open(page, demo);
    const problems: string[] = [];
    for (const size of WIDTHS) {
      await page.setViewportSize(size);
      await settle(page);
      for (const p of await page.evaluate(findLayoutProblems, view.dialog ? 'dialog[open]' : 'body')) problems.push(`${size.width}px: ${p}`);
      if (view.dialog) for (const p of await page.evaluate(findHiddenDialogActions)) problems.push(`${size.width}px: ${p}`);
      if (view.name === 'container-terminal') {
        // The terminal follows the window: give xterm's resize observer a moment to refit.
        await expect.poll(() => terminalGap(page), { message: `the terminal fills its tab at ${size.width}×${size.height}` }).toBeNull();
      }
    }
    if (view.dialog) await closeDialog(page);
    expect(problems).toEqual([]);
  });
}

/**
 * The container list's columns at every width in between the three above, 16 px apart: its
 * layouts change at container-query thresholds (containers.css), and a threshold below its
 * layout's minimum widths let the rows run past the table (at 1280 px the last action buttons
 * were cut off and the rows scrolled sideways under a header that stayed put).
 */
test('the container list fits its table at every width from 1024 to 1920 px', async () => {
  await page.setViewportSize(WIDTHS[1]);
  await views.find((v) => v.name === 'containers')!.open(page, demo);
  const problems: string[] = [];
  for (let width = 1024; width <= 1920; width += 16) {
    await page.setViewportSize({ width, height: 800 });
    await settle(page);
    const problem = await page.evaluate(() => {
      const body = document.querySelector('.containers-table .ui-grid-body');
      if (!body || !body.querySelector('[role="row"]')) return 'no rows in the table';
      if (body.scrollWidth > body.clientWidth) return `the rows are ${body.scrollWidth - body.clientWidth} px wider than the table`;
      const right = body.getBoundingClientRect().right;
      const cut = [...body.querySelectorAll('button[aria-label]')].find((b) => b.getBoundingClientRect().right > right + 0.5);
      return cut ? `"${cut.getAttribute('aria-label')}" is cut off` : null;
    });
    if (problem) problems.push(`${width}px: ${problem}`);
  }
  expect(problems).toEqual([]);
});
