import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { expect, test, type Page } from '@playwright/test';
import { startBerthServer, type BerthServer } from '../e2e/support/berth-server';
import {
  closeFixtureClient,
  createTestContainer,
  ensureBusyboxImage,
  fixtureClient,
  waitFor,
  type TestContainer,
} from '../src-main/test-support/engine-fixtures';
import { BENCH_LABEL, BENCH_LABELS, removeBenchObjects } from './support/bench-objects';
import { watchDockerEvents, type DockerEventsWatch } from './support/docker-events';
import { launchBareChromium } from './support/bare-chromium';
import { timeListOpen, timeStaticPageOpen, waitForTotal } from './support/list-open';
import { formatTable, inBatches, median, percentile } from './support/stats';

const run = promisify(execFile);

const CONTAINERS = 1000;
/**
 * Runs of each measurement, taken in turns (docker ps, Berth, the static page, in a new order
 * each round) after one untimed run of each: the machine's state then weighs on both sides
 * alike, and neither pays alone for a cold start (the first `docker ps` of a run and the
 * first browser context were 1.5–2× the rest).
 */
const RUNS = 9;
const STARTS = 20;
const LIST_BUDGET_RATIO = 1.5;
const EVENT_BUDGET_MS = 100;

let berth: BerthServer | undefined;
let containers: TestContainer[] = [];

test.beforeAll(async () => {
  test.setTimeout(900_000);
  await ensureBusyboxImage();
  const client = fixtureClient();
  const started = Date.now();
  // Created, not started; 20 at a time keeps the engine busy without queueing hundreds of requests.
  containers = await inBatches(Array.from({ length: CONTAINERS }), 20, () =>
    createTestContainer({ start: false, labels: { ...BENCH_LABELS } }, client),
  );
  console.log(`created ${CONTAINERS} containers in ${Date.now() - started} ms`);
  berth = await startBerthServer();
});

test.afterAll(async () => {
  test.setTimeout(900_000);
  await berth?.stop();
  const removed = await removeBenchObjects();
  console.log(`removed ${removed} bench containers`);
  closeFixtureClient();
});

async function timeDockerPs(): Promise<number> {
  const t0 = Date.now();
  const { stdout } = await run('docker', ['ps', '-a', '--format', '{{json .}}'], { maxBuffer: 256 * 1024 * 1024 });
  const elapsed = Date.now() - t0;
  expect(stdout.trim().split('\n').length).toBeGreaterThanOrEqual(CONTAINERS);
  return elapsed;
}

/**
 * Anything sweeping berth.test=1 (an e2e or integration run on the same engine) takes the
 * bench's containers too; numbers measured after that would be meaningless.
 */
async function expectBenchContainersIntact(): Promise<void> {
  const left = (await fixtureClient().listContainers({ label: [`${BENCH_LABEL}=1`] })).length;
  if (left < CONTAINERS) {
    throw new Error(`Only ${left} of ${CONTAINERS} bench containers are left: something removed berth.test=1 containers meanwhile. Run the bench alone.`);
  }
}

const ms = (n: number) => `${Math.round(n)} ms`;

/** A row per start-up mark the page set (see support/list-open.ts): when, since the navigation started. */
function markRows(runs: Record<string, number>[]): string[][] {
  const names = [...new Set(runs.flatMap((r) => Object.keys(r)))];
  return names.map((name) => {
    const at = runs.map((r) => r[name]).filter((t): t is number => t !== undefined);
    return [`  ${name} at`, ms(median(at)), at.map(Math.round).join(', ')];
  });
}

// One test for both measurements: a budget missed by the first must not skip the second.
test(`${CONTAINERS} containers: list vs docker ps, and docker start → row running`, async ({ browser, page }) => {
  await expectBenchContainersIntact();
  await test.step('list', async () => {
    const docker: number[] = [];
    // The budget's measure: the list opened in a fresh browser context of a Chromium with no
    // DevTools domain enabled on the page (support/bare-chromium.ts), as a user's browser or
    // Electron window runs it, timed to the paint of its first rows. docker ps runs without
    // instrumentation too: like with like. The same open driven by Playwright is shown beside
    // it: Playwright enables the Runtime and Network domains on every page, and with them
    // Chromium does work for the driver inside the measured open that no user pays: V8
    // collects source positions for every Error React DOM creates as it starts (61 ms of the
    // page's main thread in a trace), and each WebSocket frame, the 0.5 MB list among them, is
    // reported to the driver too (the list's mark comes ~75 ms later than without DevTools in
    // the same runs). bench/README.md, "1000 containers: list".
    const bare = await launchBareChromium();
    const user: { total: number; marks: Record<string, number> }[] = [];
    const ui: { total: number; loaded: number; marks: Record<string, number> }[] = [];
    const floor: number[] = [];
    const staticPage = new URL('/welcome', berth!.loginUrl).href;
    try {
      await timeDockerPs();
      await bare.timeListOpen(berth!.loginUrl, CONTAINERS);
      await timeListOpen(browser, berth!.loginUrl, CONTAINERS);
      await timeStaticPageOpen(browser, staticPage);
      // Each round in another order, so that none of them always follows another (a closed
      // browser context keeps the machine busy for a moment after).
      const measurements = [
        async () => docker.push(await timeDockerPs()),
        async () => user.push(await bare.timeListOpen(berth!.loginUrl, CONTAINERS)),
        async () => ui.push(await timeListOpen(browser, berth!.loginUrl, CONTAINERS)),
        async () => floor.push(await timeStaticPageOpen(browser, staticPage)),
      ];
      for (let i = 0; i < RUNS; i++) {
        for (let k = 0; k < measurements.length; k++) await measurements[(i + k) % measurements.length]!();
      }
    } finally {
      await bare.close();
    }
    await expectBenchContainersIntact();
    const userTotals = user.map((u) => u.total);
    const totals = ui.map((u) => u.total);
    const ratio = median(userTotals) / median(docker);
    console.log(
      `\n${formatTable(
        ['what', `median of ${RUNS}`, 'runs (ms)'],
        [
          ["docker ps -a --format '{{json .}}'", ms(median(docker)), docker.join(', ')],
          [`Berth: open → ${CONTAINERS} rows painted (Chromium, no DevTools domain on the page)`, ms(median(userTotals)), userTotals.join(', ')],
          ...markRows(user.map((u) => u.marks)),
          ['the same open driven by Playwright (Runtime and Network domains on)', ms(median(totals)), totals.join(', ')],
          ['  of which the page load event', ms(median(ui.map((u) => u.loaded))), ui.map((u) => Math.round(u.loaded)).join(', ')],
          ...markRows(ui.map((u) => u.marks)),
          ["a static page, same server, Playwright (the fresh context's floor; to its load event)", ms(median(floor)), floor.join(', ')],
          ['ratio under Playwright (not the budget: see above)', `${(median(totals) / median(docker)).toFixed(2)}×`, ''],
          [`ratio (budget ≤ ${LIST_BUDGET_RATIO}×)`, `${ratio.toFixed(2)}×`, ''],
        ],
      )}\n`,
    );
    expect.soft(ratio, 'Berth within budget of docker ps').toBeLessThanOrEqual(LIST_BUDGET_RATIO);
  });
  await test.step('event latency', () => eventLatency(page));
});

async function eventLatency(page: Page): Promise<void> {
  let events: DockerEventsWatch | undefined;
  try {
    events = watchDockerEvents();
    // The stream is live once it has shown one event of ours (the probe's rename).
    const probe = await createTestContainer({ start: false, labels: { ...BENCH_LABELS } });
    const probeName = `${probe.name}-probe`;
    await run('docker', ['rename', probe.name, probeName]);
    await waitFor(() => events?.find('rename', probeName), { timeoutMs: 10_000, description: 'docker events to be live' });

    await page.goto(berth!.loginUrl);
    await waitForTotal(page, CONTAINERS);
    const filter = page.getByRole('searchbox', { name: 'Filter containers' });
    const latencies: number[] = [];
    for (const c of containers.slice(0, STARTS)) {
      await filter.fill(c.name);
      await expect(page.getByRole('button', { name: `Start ${c.name}`, exact: true })).toBeVisible();
      await page.evaluate((label) => {
        const w = window as unknown as { benchShownAt?: number };
        delete w.benchShownAt;
        const selector = `button[aria-label="${CSS.escape(label)}"]`;
        const observer = new MutationObserver(() => {
          if (document.querySelector(selector)) {
            w.benchShownAt = Date.now();
            observer.disconnect();
          }
        });
        observer.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-label'] });
      }, `Stop ${c.name}`);
      await run('docker', ['start', c.name]);
      const event = await waitFor(() => events?.find('start', c.name), { timeoutMs: 10_000, description: `start of ${c.name}` });
      const shownAt = await waitFor(() => page.evaluate(() => (window as unknown as { benchShownAt?: number }).benchShownAt), {
        timeoutMs: 10_000,
        description: `${c.name} running in the UI`,
      });
      latencies.push(shownAt - event.seenAt);
    }
    console.log(
      `\n${formatTable(
        ['docker start → row running', 'p50', 'p95', 'max'],
        [[`${STARTS} starts (budget ${EVENT_BUDGET_MS} ms)`, ms(percentile(latencies, 50)), ms(percentile(latencies, 95)), ms(Math.max(...latencies))]],
      )}\nall: ${latencies.join(', ')}\n`,
    );
    expect.soft(percentile(latencies, 95), 'p95 within budget').toBeLessThanOrEqual(EVENT_BUDGET_MS);
  } finally {
    events?.stop();
  }
}
