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
