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

/** How long an open may take before the bench gives up on it. */
const OPEN_TIMEOUT_MS = 120_000;

/**
 * When the page's `berth:rows-painted` mark was set, in the wall clock of `Date.now()`: one
 * `page.evaluate` whose promise settles on the mark. Not `page.waitForFunction`: that first
 * loads Playwright's injected script (its selector engines, ~300 kB) into the page, and the
 * load event is exactly when the list's scripts are still running, so the harness's own
 * ~30–45 ms of compiling and evaluating landed inside the measured open (a trace of the
 * open shows it as an EvaluateScript task between the app's; A/B of the same build, 12
 * rounds each: 734 → 678 ms). `page.evaluate` needs only a few lines of Playwright's.
 */
function paintedAt(page: Page): Promise<number> {
  return page.evaluate(
    (timeoutMs) =>
      new Promise<number>((resolve, reject) => {
        const read = (): boolean => {
          const painted = performance.getEntriesByName('berth:rows-painted')[0];
          if (painted) resolve(performance.timeOrigin + painted.startTime);
          return painted !== undefined;
        };
        if (read()) return;
        const observer = new PerformanceObserver(() => {
          if (read()) observer.disconnect();
        });
        observer.observe({ type: 'mark' });
        setTimeout(() => reject(new Error(`no berth:rows-painted mark within ${timeoutMs} ms`)), timeoutMs);
      }),
    OPEN_TIMEOUT_MS,
  );
}

/** The toolbar's total once the rows are painted: an open counts only if they were all of them. */
async function expectPaintedTotal(page: Page, containers: number): Promise<void> {
  const shown = await page.evaluate(() => ({
    text: document.querySelector('.containers-page .count[aria-live]')?.textContent ?? '',
    table: document.querySelector('[role="table"]') !== null,
  }));
  const total = Number(/(\d+) containers$/.exec(shown.text)?.[1] ?? 0);
  if (!shown.table || total < containers) {
    throw new Error(`the rows were painted with the toolbar saying "${shown.text}" (expected at least ${containers} containers)`);
  }
}

/**
 * One first open of the container list in a fresh browser context (nothing cached from
 * the run before): from `page.goto(loginUrl)` until the page has painted its first rows
 * (its `berth:rows-painted` mark, read in the same wall clock as `Date.now()`); the open
 * counts only if the toolbar then says all `containers` are in. Ends at the paint rather
 * than when a poll sees the rows: that is the frame before, and the paint of the first rows
 * took ~70 ms on a 2-core machine. `loaded` is the part before the page's load event (HTML
 * and scripts, before any container data can matter); `marks` the app's start-up marks
 * (`berth:entry`, `berth:app-start`, `berth:first-render`, ...), in ms since the navigation
 * started. With `tracePath`, a Chromium trace of the open is written there.
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
    const total = Math.round((await paintedAt(page)) - t0);
    if (tracePath) await browser.stopTracing();
    await expectPaintedTotal(page, containers);
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
 * first document and the harness's one evaluation in the page.
 */
export async function timeStaticPageOpen(browser: Browser, url: string): Promise<number> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const t0 = Date.now();
    await page.goto(url);
    // Read as the list's open is (page.evaluate, see paintedAt): the heading is parsed by the load event.
    const hasHeading = await page.evaluate(() => document.querySelector('h1') !== null);
    const elapsed = Date.now() - t0;
    if (!hasHeading) throw new Error(`${url} loaded without its h1`);
    return elapsed;
  } finally {
    await context.close();
  }
}
