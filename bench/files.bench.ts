// A 1 GB file down and up through Berth's Files tab against `docker cp` doing the same, in
// the same run, with the browser-mode server's memory read from /proc.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { startBerthServer, type BerthServer } from '../e2e/support/berth-server';
import { mib, processMemory } from '../e2e/support/proc-memory';
import { closeFixtureClient, createTestContainer, ensureBusyboxImage, IDLE_CMD, waitFor, type TestContainer } from '../src-main/test-support/engine-fixtures';
import { BENCH_LABELS, removeBenchObjects } from './support/bench-objects';
import { formatTable, median } from './support/stats';

const SIZE = 1024 ** 3;
const RUNS = 3;
/** Berth's median may take at most this many times `docker cp`'s. */
const RATIO_BUDGET = 1.5;
/** The server's peak RSS may grow by at most this much during a transfer. */
const RSS_BUDGET = 200 * 1024 ** 2;

let berth: BerthServer | undefined;
let box: TestContainer;
let local = '';

test.beforeAll(async () => {
  test.setTimeout(600_000);
  await ensureBusyboxImage();
  box = await createTestContainer({ cmd: ['sh', '-c', `mkdir /up && head -c ${SIZE} /dev/urandom > /big.bin && touch /ready; ${IDLE_CMD[2]}`], labels: { ...BENCH_LABELS } });
  await waitFor(() => docker(['exec', box.name, 'ls', '/ready']).then(() => true), { timeoutMs: 300_000, intervalMs: 500, description: 'the 1 GB file in the container' });
  local = await mkdtemp(join(tmpdir(), 'berth-bench-files-'));
  const out = createWriteStream(join(local, 'upload.bin'));
  for (let i = 0; i < SIZE / 2 ** 20; i++) if (!out.write(randomBytes(2 ** 20))) await new Promise<void>((r) => out.once('drain', () => r()));
  await new Promise<void>((resolve) => out.end(() => resolve()));
  berth = await startBerthServer();
});

test.afterAll(async () => {
  await berth?.stop();
  await removeBenchObjects();
  closeFixtureClient();
  if (local) await rm(local, { recursive: true, force: true });
});

/** Runs the docker CLI; resolves with its wall time in ms. */
function docker(args: string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn('docker', args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve(performance.now() - t0) : reject(new Error(`docker ${args[0]} exited ${code}: ${err}`))));
  });
}

async function openFiles(page: Page, folder: string): Promise<void> {
  await page.goto(berth!.loginUrl);
  await page.goto(`${berth!.origin}/#/containers/${box.id}/files`);
  if (folder !== '/') await page.getByRole('table', { name: 'Files in /' }).getByRole('button', { name: `Open ${folder.slice(1)}` }).click();
  // An empty folder has no table: its filter box says the folder is shown.
  await expect(page.getByRole('searchbox', { name: `Filter ${folder} by name` })).toBeVisible();
}

/** Click "Download big.bin" → Chromium has the whole file on disk. */
async function berthDownload(page: Page): Promise<number> {
  await openFiles(page, '/');
  const downloading = page.waitForEvent('download', { timeout: 300_000 });
  const t0 = performance.now();
  await page.getByRole('table', { name: 'Files in /' }).getByRole('button', { name: 'Download big.bin' }).click();
  const download = await downloading;
  const file = await download.path();
  const elapsed = performance.now() - t0;
  expect((await stat(file)).size).toBe(SIZE);
  await download.delete();
  return elapsed;
}

/** "Upload files" with the 1 GB file → the page says it landed. */
async function berthUpload(page: Page, run: number): Promise<number> {
  await docker(['exec', box.name, 'rm', '-f', '/up/upload.bin']);
  await openFiles(page, '/up');
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Upload files', exact: true }).click();
  const t0 = performance.now();
  await (await chooser).setFiles(join(local, 'upload.bin'));
  await expect(page.getByText('Uploaded 1 file into /up')).toBeVisible({ timeout: 300_000 });
  const elapsed = performance.now() - t0;
  expect(await docker(['exec', box.name, 'test', '-s', '/up/upload.bin']), `upload ${run}`).toBeGreaterThan(0);
  return elapsed;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const rate = (ms: number) => `${Math.round(SIZE / 2 ** 20 / (ms / 1000))} MiB/s`;

test('1 GB download and upload: Berth against docker cp', async ({ browser }) => {
  test.setTimeout(1_800_000);
  const cpOut: number[] = [];
  const cpIn: number[] = [];
  const down: number[] = [];
  const up: number[] = [];
  const before = await processMemory(berth!.pid);
  for (let run = 0; run < RUNS; run++) {
    // Interleaved, so load from others on the machine falls on both sides alike.
    cpOut.push(await docker(['cp', `${box.id}:/big.bin`, join(local, 'cp-out.bin')]));
    await rm(join(local, 'cp-out.bin'));
    await docker(['exec', box.name, 'rm', '-f', '/up/upload.bin']);
    cpIn.push(await docker(['cp', join(local, 'upload.bin'), `${box.id}:/up/upload.bin`]));
    const context = await browser.newContext({ acceptDownloads: true });
    const page = await context.newPage();
    down.push(await berthDownload(page));
    up.push(await berthUpload(page, run));
    await context.close();
  }
  const after = await processMemory(berth!.pid);
  const downRatio = median(down) / median(cpOut);
  const upRatio = median(up) / median(cpIn);
  console.log(
    formatTable(
      ['what (1 GiB)', `median of ${RUNS}`, 'throughput', 'runs'],
      [
        ['docker cp container → disk', seconds(median(cpOut)), rate(median(cpOut)), cpOut.map(seconds).join(', ')],
        ['Berth download (Chromium)', seconds(median(down)), rate(median(down)), down.map(seconds).join(', ')],
        [`download ratio (budget ≤ ${RATIO_BUDGET}×)`, `${downRatio.toFixed(2)}×`, '', ''],
        ['docker cp disk → container', seconds(median(cpIn)), rate(median(cpIn)), cpIn.map(seconds).join(', ')],
        ['Berth upload (Chromium)', seconds(median(up)), rate(median(up)), up.map(seconds).join(', ')],
        [`upload ratio (budget ≤ ${RATIO_BUDGET}×)`, `${upRatio.toFixed(2)}×`, '', ''],
      ],
    ),
  );
  console.log(`server RSS: ${mib(before.rss)} MiB before, peak ${mib(after.peak)} MiB over all transfers (budget +${mib(RSS_BUDGET)} MiB)`);
  expect.soft(downRatio, 'download ratio').toBeLessThanOrEqual(RATIO_BUDGET);
  expect.soft(upRatio, 'upload ratio').toBeLessThanOrEqual(RATIO_BUDGET);
  expect.soft(after.peak - before.rss, 'server RSS growth').toBeLessThan(RSS_BUDGET);
});
