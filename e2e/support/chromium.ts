import type { LaunchOptions } from '@playwright/test';

/**
 * Debian's Chromium, started as the e2e suite and the benches both need it: no sandbox
 * (root in CI), no GPU, and none of the background connections a closed network refuses.
 */
export const chromiumLaunchOptions: LaunchOptions = {
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
};
