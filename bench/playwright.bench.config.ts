import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from '../e2e/support/chromium';

// Benchmarks, not tests: run on demand with `npm run bench`, never by `npm test`.
// Same browser as the e2e suite (Debian's Chromium in browser mode).
export default defineConfig({
  testDir: '.',
  testMatch: '**/*.bench.ts',
  globalSetup: './support/global-setup.ts',
  // One engine and two cores: one bench at a time, and nothing else measured alongside.
  workers: 1,
  fullyParallel: false,
  timeout: 600_000,
  expect: { timeout: 60_000 },
  retries: 0,
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    launchOptions: chromiumLaunchOptions,
    trace: 'off',
    screenshot: 'off',
  },
});
