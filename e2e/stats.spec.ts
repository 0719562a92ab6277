import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import { createTestContainer, removeTestObjects, uniqueName } from '../src-main/test-support/engine-fixtures';
import { startUnixSocketProxy, type UnixSocketProxy } from '../src-main/test-support/unix-socket-proxy';
import { ContainersPage } from './pages/containers-page';
import { startBerthServer, type BerthServer } from './support/berth-server';

const BUSY = ['sh', '-c', 'while :; do :; done'];

/**
 * One server for these tests, talking to the engine through a recording proxy: the
 * engine requests Berth makes are counted there (e.g. none for stats while hidden).
 */
const test = base.extend<{ ui: ContainersPage }, { engine: { proxy: UnixSocketProxy; berth: BerthServer } }>({
  engine: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const dir = mkdtempSync(path.join(tmpdir(), 'berth-e2e-stats-'));
      const proxy = await startUnixSocketProxy(path.join(dir, 'engine.sock'));
      const berth = await startBerthServer({ DOCKER_HOST: `unix://${proxy.path}` });
      await use({ proxy, berth });
      await berth.stop();
      await proxy.close();
      rmSync(dir, { recursive: true, force: true });
    },
    { scope: 'worker' },
  ],
  ui: async ({ page, engine }, use) => {
    await page.goto(engine.berth.loginUrl);
    await use(new ContainersPage(page));
    await removeTestObjects();
  },
});

const rowOf = (page: Page, name: string) => page.getByRole('row').filter({ has: page.getByRole('link', { name, exact: true }) });
const statsRequests = (proxy: UnixSocketProxy) => proxy.requests.filter((r) => /\/containers\/[^/]+\/stats/.test(r)).length;

/** What document.visibilityState says, as a minimized window or a background tab would. */
async function setPageHidden(page: Page, hidden: boolean) {
  await page.evaluate((h) => {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => (h ? 'hidden' : 'visible') });
    document.dispatchEvent(new Event('visibilitychange'));
  }, hidden);
}

test.describe('resource usage', () => {
  test('the list shows CPU and memory of running containers and nothing for stopped ones', async ({ ui, page }) => {
    const prefix = uniqueName('stats');
    const busy = await createTestContainer({ name: `${prefix}-busy`, cmd: BUSY });
    const stopped = await createTestContainer({ name: `${prefix}-stopped`, start: false });
    await ui.filter.fill(prefix);
    const busyRow = rowOf(page, busy.name);
    const stoppedRow = rowOf(page, stopped.name);
    await expect(busyRow).toBeVisible();
    await expect(stoppedRow).toBeVisible();
    await expect(page.getByRole('columnheader', { name: 'CPU' })).toBeVisible();
    await expect(page.getByRole('columnheader', { name: 'Memory' })).toBeVisible();
    // Cells: selection, name, image, state, CPU, memory.
    await expect(busyRow.getByRole('cell').nth(4)).toHaveText(/^\d+(\.\d)? %$/, { timeout: 15_000 });
    await expect(busyRow.getByRole('cell').nth(5)).toHaveText(/^[\d.]+ (B|KiB|MiB)$/);
    await expect(stoppedRow.getByRole('cell').nth(4)).toHaveText('');
    await expect(stoppedRow.getByRole('cell').nth(5)).toHaveText('');
    // Engine-wide, against the host's CPUs and memory (from /info).
    await expect(page.getByRole('group', { name: 'Resource usage of all containers' })).toHaveText(
      /^CPU [\d.]+ % of \d+ CPUs? · Memory [\d.]+ \w+ of [\d.]+ \w+/,
      { timeout: 20_000 },
    );
  });

  test('the Stats tab draws five charts and says what they show in words', async ({ ui, page }) => {
    // uPlot under the app's CSP (style-src 'self'): its CSS is a file, its inline styles CSSOM.
    const refused: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) refused.push(m.text());
    });
    const busy = await createTestContainer({ cmd: BUSY });
    await ui.show(busy.name);
    await page.goto(`${new URL(page.url()).origin}/#/containers/${busy.id}/stats`);
    await expect(page.getByRole('tab', { name: 'Stats', selected: true })).toBeVisible();
    for (const name of ['CPU', 'Memory', 'Network', 'Block I/O', 'Processes']) {
      const chart = page.getByRole('group', { name, exact: true });
      await expect(chart).toBeVisible();
      await expect(chart.locator('canvas')).toHaveCount(1);
    }
    const cpu = page.getByRole('group', { name: 'CPU', exact: true });
    await expect(cpu).toHaveAccessibleDescription(/^CPU [\d.]+ %, 5-minute peak [\d.]+ %\.$/, { timeout: 15_000 });
    await expect(page.getByRole('group', { name: 'Memory', exact: true })).toHaveAccessibleDescription(/^Memory [\d.]+ \w+, 5-minute peak/);
    await page.getByRole('radio', { name: '15 min' }).check();
    await expect(cpu).toHaveAccessibleDescription(/15-minute peak/, { timeout: 10_000 });
    if (process.env.BERTH_STATS_SCREENSHOT) await page.screenshot({ path: process.env.BERTH_STATS_SCREENSHOT });
    expect(refused).toEqual([]);
  });

  test('no stats requests reach the engine while the page is hidden', async ({ ui, page, engine }) => {
    const busy = await createTestContainer({ cmd: BUSY });
    await ui.show(busy.name);
    await expect(rowOf(page, busy.name).getByRole('cell').nth(4)).toHaveText(/%$/, { timeout: 15_000 });

    await setPageHidden(page, true);
    // A round already under way may finish; after that, over three rounds' time, nothing.
    await page.waitForTimeout(2_500);
    const settled = statsRequests(engine.proxy);
    await page.waitForTimeout(6_000);
    expect(statsRequests(engine.proxy)).toBe(settled);

    await setPageHidden(page, false);
    await expect.poll(() => statsRequests(engine.proxy), { timeout: 10_000 }).toBeGreaterThan(settled);
  });
});
