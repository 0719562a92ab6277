import type { Page } from '@playwright/test';

/**
 * Prints what goes wrong inside a page that a test cannot see by role and name: uncaught
 * errors, failed requests, console errors. A blank window in a screenshot says nothing;
 * these lines say why.
 */
export function reportPageProblems(page: Page, label: string): void {
  page.on('pageerror', (err) => console.warn(`[${label}] error in the page: ${err.stack ?? err.message}`));
  page.on('requestfailed', (req) => console.warn(`[${label}] request failed: ${req.method()} ${req.url().replace(/#.*/, '')} ${req.failure()?.errorText ?? ''}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error') console.warn(`[${label}] console error: ${msg.text()}`);
  });
}
