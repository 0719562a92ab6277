import type { LaunchOptions } from '@playwright/test';
import { chromiumLaunchOptions } from '../../e2e/support/chromium';

/**
 * Chromium features the benches turn off, besides Playwright's own list (restated: Chromium
 * keeps only the last --disable-features it is given, so a list of ours replaces Playwright's).
 *
 * WebUIOmnibox*: Chromium 156 builds its omnibox popup (a WebUI page in a renderer of its own)
 * for every new window, and a new browser context is a new window: ~1.25 s of CPU per
 * context on this 2-core machine, in the seconds the page under measurement loads (a trace
 * of a list open showed chrome://omnibox-popup.top-chrome loading alongside it). A user's
 * browser does that once per window, not per page, and Electron has no omnibox at all.
 */
const DISABLED_FEATURES = [
  // Playwright's own (playwright-core 1.65's chromium switches, Linux), for a like-for-like browser.
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
  // Ours: see above.
  'WebUIOmniboxPopup',
  'WebUIOmniboxAimPopup',
  'WebUIOmniboxFullPopup',
];

export const BENCH_DISABLE_FEATURES_SWITCH = `--disable-features=${DISABLED_FEATURES.join(',')}`;

/** The e2e suite's Chromium (e2e/support/chromium.ts) without the per-window browser UI above. */
export const benchChromiumLaunchOptions: LaunchOptions = {
  ...chromiumLaunchOptions,
  args: [...(chromiumLaunchOptions.args ?? []), BENCH_DISABLE_FEATURES_SWITCH],
};
