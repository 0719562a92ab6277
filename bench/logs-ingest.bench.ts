import { spawn } from 'node:child_process';
import { expect, test, type Page } from '@playwright/test';
import { startBerthServer, type BerthServer } from '../e2e/support/berth-server';
import {
  closeFixtureClient,
  createTestContainer,
  ensureBusyboxImage,
  fixtureClient,
  type TestContainer,
} from '../src-main/test-support/engine-fixtures';
import { BENCH_LABELS, removeBenchObjects } from './support/bench-objects';
import { formatTable, median } from './support/stats';

const LINES = 1_000_000;
/** 99 characters and a newline. */
const LINE = 'x'.repeat(16) + ' the quick brown fox jumps over the lazy dog, logging one hundred bytes per line ok';
const RUNS = 3;
const INGEST_BUDGET_RATIO = 1.2;
const HEAP_BUDGET_MB = 150;
const LONG_TASK_BUDGET_MS = 50;
const FOLLOW_SECONDS = 10;

let berth: BerthServer | undefined;
let big: TestContainer;

test.beforeAll(async () => {
  test.setTimeout(600_000);
  await ensureBusyboxImage();
  expect(LINE.length).toBe(99);
  big = await createTestContainer({ cmd: ['sh', '-c', `yes '${LINE}' | head -n ${LINES}`], labels: { ...BENCH_LABELS } });
  await fixtureClient().request({ method: 'POST', path: `/containers/${big.id}/wait`, action: 'wait for' });
  berth = await startBerthServer();
});

test.afterAll(async () => {
  await berth?.stop();
  await removeBenchObjects();
  closeFixtureClient();
});

/** `docker logs <id> > /dev/null`, timed from spawn to exit. */
function timeDockerLogs(id: string, extra: string[] = []): Promise<number> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn('docker', ['logs', ...extra, id], { stdio: ['ignore', 'ignore', 'ignore'] });
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve(performance.now() - t0) : reject(new Error(`docker logs exited ${code}`))));
  });
}

async function signIn(page: Page, tail: string): Promise<void> {
  await page.goto(berth!.loginUrl);
  await page.evaluate((t) => localStorage.setItem('berth.logs.tail', JSON.stringify(t)), tail);
  await expect(page.getByRole('region', { name: 'Engine status' })).toContainText('Connected', { timeout: 30_000 });
}

/** Lines the view has taken in (kept + dropped), from its status element. */
const received = (page: Page) =>
  page.evaluate(() => Number(document.querySelector('.log-count')?.getAttribute('data-total') ?? -1));

async function timeIngest(page: Page): Promise<number> {
  await signIn(page, 'all');
  const t0 = Date.now();
  await page.evaluate((id) => (window.location.hash = `#/containers/${id}/logs`), big.id);
  await page.waitForFunction((n) => Number(document.querySelector('.log-count')?.getAttribute('data-total')) >= n, LINES, {
    timeout: 300_000,
    polling: 'raf',
  });
  const elapsed = Date.now() - t0;
  expect(await received(page)).toBe(LINES);
  return elapsed;
}

const ms = (n: number) => `${Math.round(n)} ms`;

/** Lines in a container's log, counted by the docker CLI. */
function countLines(id: string, extra: string[] = []): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn('docker', ['logs', ...extra, id], { stdio: ['ignore', 'pipe', 'ignore'] });
    let lines = 0;
    child.stdout.on('data', (d: Buffer) => {
      for (let i = d.indexOf(10); i >= 0; i = d.indexOf(10, i + 1)) lines++;
    });
    child.once('error', reject);
    child.once('exit', () => resolve(lines));
  });
}

test('logs: 1M-line ingest vs docker logs, heap, longest task while following', async ({ browser }) => {
  test.setTimeout(1_200_000);
  const rows: string[][] = [];

  await test.step('ingest', async () => {
    const cli: number[] = [];
    const cliTs: number[] = [];
    const ui: number[] = [];
    for (let i = 0; i < RUNS; i++) cli.push(await timeDockerLogs(big.id));
    for (let i = 0; i < RUNS; i++) cliTs.push(await timeDockerLogs(big.id, ['-t']));
    let heapBeforeGc = 0;
    let heapAfterGc = 0;
    for (let i = 0; i < RUNS; i++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      ui.push(await timeIngest(page));
      if (i === RUNS - 1) {
        const cdp = await context.newCDPSession(page);
        await cdp.send('Performance.enable');
        const heap = async () =>
          ((await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? NaN) / 2 ** 20;
        heapBeforeGc = await heap();
        await cdp.send('HeapProfiler.collectGarbage');
        heapAfterGc = await heap();
        await expect(page.locator('.log-count')).toContainText('100,000 lines');
      }
      await context.close();
    }
    const ratio = median(ui) / median(cli);
    rows.push(
      ['docker logs <id> > /dev/null', ms(median(cli)), cli.map(Math.round).join(', ')],
      ['docker logs -t <id> > /dev/null', ms(median(cliTs)), cliTs.map(Math.round).join(', ')],
      ['Berth: open Logs (tail all) → 1M lines in the buffer', ms(median(ui)), ui.join(', ')],
      [`ratio to docker logs (budget ≤ ${INGEST_BUDGET_RATIO}×)`, `${ratio.toFixed(2)}×`, ''],
      ['renderer JS heap after ingest (cap 100,000)', `${heapBeforeGc.toFixed(1)} MB`, `after a forced GC: ${heapAfterGc.toFixed(1)} MB`],
    );
    expect.soft(ratio, 'ingest within budget of docker logs').toBeLessThanOrEqual(INGEST_BUDGET_RATIO);
    expect.soft(heapBeforeGc, 'heap within budget').toBeLessThanOrEqual(HEAP_BUDGET_MB);
  });

  await test.step('follow at 50,000 lines/s', async () => {
    // 5,000 lines every 0.1 s: yes | head writes them in a few ms.
    const loud = await createTestContainer({
      cmd: ['sh', '-c', `while :; do yes '${LINE}' | head -n 5000; sleep 0.1; done`],
      labels: { ...BENCH_LABELS },
    });
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.addInitScript(() => {
      const w = window as unknown as { __longTasks: number[] };
      w.__longTasks = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.__longTasks.push(e.duration);
      }).observe({ type: 'longtask', buffered: true });
    });
    await signIn(page, '1000');
    await page.evaluate((id) => (window.location.hash = `#/containers/${id}/logs`), loud.id);
    await page.waitForFunction(() => Number(document.querySelector('.log-count')?.getAttribute('data-total')) > 0, null, {
      timeout: 60_000,
    });
    // Measure from here: the initial tail and the page load are behind us.
    await page.evaluate(() => ((window as unknown as { __longTasks: number[] }).__longTasks = []));
    const start = await received(page);
    const t0 = Date.now();
    await page.waitForTimeout(FOLLOW_SECONDS * 1000);
    const lines = (await received(page)) - start;
    const seconds = (Date.now() - t0) / 1000;
    const longTasks = await page.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks);
    const rate = lines / seconds;
    await context.close();
    // What the container really wrote in the same window (a loaded machine slows it down).
    const produced = await countLines(loud.id, ['--since', String(t0 / 1000), '--until', String((t0 + seconds * 1000) / 1000)]);
    const producedRate = produced / seconds;
    const longest = longTasks.length ? Math.max(...longTasks) : 0;
    rows.push(
      ['following: lines/s the container wrote', Math.round(producedRate).toLocaleString('en-US'), `${produced.toLocaleString('en-US')} lines in the same ${seconds.toFixed(1)} s`],
      ['following: lines/s into the view', Math.round(rate).toLocaleString('en-US'), `${lines.toLocaleString('en-US')} lines in ${seconds.toFixed(1)} s`],
      [
        `longest main-thread task (budget ${LONG_TASK_BUDGET_MS} ms)`,
        longTasks.length ? ms(longest) : `none over 50 ms`,
        `${longTasks.length} long tasks${longTasks.length ? `: ${longTasks.map(Math.round).join(', ')}` : ''}`,
      ],
    );
    expect.soft(longest, 'no long task over budget').toBeLessThanOrEqual(LONG_TASK_BUDGET_MS);
  });

  console.log(`\n${formatTable(['what', 'result', 'detail'], rows)}\n`);
});
