import type { Browser, Page } from '@playwright/test';

/** The number in the toolbar's "N containers" / "M of N containers" count reaches `atLeast`, and the table is there. */
export async function waitForTotal(page: Page, atLeast: number): Promise<void> {
  await page.waitForFunction(
    (min) => {
      const text = document.querySelector('.containers-page .count[aria-live]')?.textContent ?? '';
      const total = /(\d+) containers$/.exec(text)?.[1];
      return total !== undefined && Number(total) >= min && document.querySelector('[role="table"]') !== null;
    },
    atLeast,
    { timeout: 120_000 },
  );
}

const TRACE_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'disabled-by-default-v8.cpu_profiler', 'blink.user_timing', 'loading'];

/**
 * One first open of the container list in a fresh browser context (nothing cached from
 * the run before): from `page.goto(loginUrl)` until the page has painted its first rows
 * (its `berth:rows-painted` mark, read in the same wall clock as `Date.now()`), once the
 * count shows `containers`. Ends at the paint rather than when waitForFunction sees the rows:
 * that is the frame before, and the paint of the first rows took ~70 ms on a 2-core machine.
 * `loaded` is the part before the page's load event (HTML and scripts, before any container
 * data can matter); `marks` the app's start-up marks (`berth:entry`, `berth:app-start`,
 * `berth:first-render`, ...), in ms since the navigation started. With `tracePath`, a
 * Chromium trace of the open is written there.
 */
export async function timeListOpen(
  browser: Browser,
  loginUrl: string,
  containers: number,
  tracePath?: string,
): Promise<{ total: number; loaded: number; marks: Record<string, number> }> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    if (tracePath) await browser.startTracing(page, { path: tracePath, categories: TRACE_CATEGORIES });
    const t0 = Date.now();
    await page.goto(loginUrl);
    await waitForTotal(page, containers);
    const paintedAt = await page.waitForFunction(() => {
      const painted = performance.getEntriesByName('berth:rows-painted')[0];
      return painted ? performance.timeOrigin + painted.startTime : 0;
    });
    const total = Math.round((await paintedAt.jsonValue()) - t0);
    if (tracePath) await browser.stopTracing();
    const { loaded, marks } = await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
      // The app's start-up phases (main.tsx, start-app.tsx, ContainersTable.tsx), in ms since the navigation started.
      const phases = performance.getEntriesByType('mark').filter((m) => m.name.startsWith('berth:'));
      return { loaded: nav ? nav.loadEventEnd - nav.startTime : NaN, marks: Object.fromEntries(phases.map((m) => [m.name, m.startTime])) };
    });
    return { total, loaded, marks };
  } finally {
    await context.close();
  }
}

/**
 * The fresh browser context's floor, measured as the list is: from `page.goto(url)` in a new
 * context until a static page of the same server shows its heading (no script, one small
 * stylesheet). What any page pays before its own work: the context, the navigation, the
 * first document and the harness's own script in the page.
 */
export async function timeStaticPageOpen(browser: Browser, url: string): Promise<number> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const t0 = Date.now();
    await page.goto(url);
    await page.waitForFunction(() => document.querySelector('h1') !== null, null, { timeout: 60_000 });
    return Date.now() - t0;
  } finally {
    await context.close();
  }
}
