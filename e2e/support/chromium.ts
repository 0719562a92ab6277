import type { LaunchOptions } from '@playwright/test';

/**
 * Chromium features turned off. Playwright's own list first, restated: Chromium keeps only
 * the last --disable-features it is given, so a list of ours replaces Playwright's
 * (playwright-core 1.65's chromium switches, those that apply on Linux).
 *
 * Then the omnibox popup (WebUIOmnibox*): Chromium 156 builds it, a WebUI page in a renderer
 * of its own, for every new window, and every new browser context is one: ~1.25 s of CPU
 * per context on a 2-core machine, while the page under test loads (a trace of the
 * container list's open showed chrome://omnibox-popup.top-chrome loading alongside it). A
 * user's browser builds it once per window; Electron has none.
 */
const DISABLED_FEATURES = [
  'AimEnabled',
  'AvoidCorsURLLoaderRestartOnRedirect',
  'AvoidUnnecessaryBeforeUnloadCheckSync',
  'DestroyProfileOnBrowserClose',
  'HttpsFirstBalancedModeAutoEnable',
  'HttpsUpgrades',
  'LensOverlay',
  'MediaRouter',
  'NetworkTimeServiceQuerying',
  'OptimizationHints',
  'PaintHolding',
  'PreconnectToSearch',
  'ThirdPartyStoragePartitioning',
  'WebUIOmniboxPopup',
  'WebUIOmniboxAimPopup',
  'WebUIOmniboxFullPopup',
];

/**
 * Debian's Chromium, started as the e2e suite and the benches both need it: no sandbox
 * (root in CI), no GPU, none of the background connections a closed network refuses, and
 * no per-window browser UI (above).
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
    `--disable-features=${DISABLED_FEATURES.join(',')}`,
  ],
};
