import { defineConfig } from '@playwright/test';

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
    launchOptions: {
      executablePath: process.env.BERTH_CHROMIUM ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
    trace: 'off',
    screenshot: 'off',
  },
});
