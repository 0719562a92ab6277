import { spawn } from 'node:child_process';
import { expect, test, type Page } from '@playwright/test';
import { startBerthServer, type BerthServer } from '../e2e/support/berth-server';
import { TerminalPage } from '../e2e/pages/terminal-page';
import {
  closeFixtureClient,
  createTestContainer,
  removeTestContainer,
  type TestContainer,
} from '../src-main/test-support/engine-fixtures';
import { BENCH_LABELS } from './support/bench-objects';
import { formatTable, median, percentile } from './support/stats';

const FILE_BYTES = Number(process.env.BERTH_BENCH_TERMINAL_MB ?? 20) * 1024 * 1024;
const CAT_RUNS = Number(process.env.BERTH_BENCH_CAT_RUNS ?? 3);
const KEYSTROKES = Number(process.env.BERTH_BENCH_KEYSTROKES ?? 60);
const CTRL_C_RUNS = 5;
const CAT_BUDGET_RATIO = 2;
const CTRL_C_BUDGET_MS = 200;

let berth: BerthServer | undefined;
const results: string[][] = [];
let renderer = '';
const ms = (v: number) => `${Math.round(v)} ms`;
let container: TestContainer | undefined;

test.beforeAll(async () => {
  test.setTimeout(300_000);
  container = await createTestContainer({ labels: { ...BENCH_LABELS } });
  // 20 MiB of 73-byte lines, made inside the container.
  await sh(
    `docker exec ${container.id} sh -c "yes 0123456789abcdefghijklmnopqrstuvwxyz0123456789abcdefghijklmnopqrstuvwxyz | head -c ${FILE_BYTES} > /bigfile"`,
  );
  berth = await startBerthServer();
});

test.afterAll(async () => {
  await berth?.stop();
  if (container) await removeTestContainer(container.id);
  closeFixtureClient();
});

function sh(command: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn('sh', ['-c', command], { stdio: 'ignore' });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(performance.now() - started) : reject(new Error(`${command}: exit ${code}`))));
  });
}

async function openTerminal(page: Page): Promise<TerminalPage> {
  await page.goto(berth!.loginUrl);
  await expect(page.getByRole('region', { name: 'Engine status' })).toContainText('Connected');
  const term = new TerminalPage(page);
  await term.open(container!.id);
  // Typed again when keys got lost at the new shell's prompt (see README).
  await expect(async () => {
    await term.run('echo ready-$((6*7))');
    await expect(term.screen()).toContainText('ready-42', { timeout: 3_000 });
  }).toPass({ timeout: 30_000 });
  return term;
}

test('terminal: cat of 20 MB', async ({ page }) => {
  test.setTimeout(600_000);
  const term = await openTerminal(page);
  renderer = await page.evaluate(() => (document.querySelector('.xterm-rows') ? 'DOM' : 'WebGL'));

  // 1. cat of a 20 MB file: docker exec to /dev/null, then the same in the terminal until its end marker shows.
  const cli: number[] = [];
  for (let i = 0; i < CAT_RUNS; i++) cli.push(await sh(`docker exec ${container!.id} cat /bigfile > /dev/null`));
  // The CLI with a TTY too, as the terminal has one: the pty path alone costs several
  // times the plain pipe, so this row says how much of the ratio is the engine's TTY.
  const cliTty: number[] = [];
  for (let i = 0; i < CAT_RUNS; i++) cliTty.push(await sh(`docker exec -t ${container!.id} cat /bigfile > /dev/null < /dev/null`));
  const ui: number[] = [];
  for (let i = 0; i < CAT_RUNS; i++) {
    const tag = `done${i}x`;
    await term.run('clear');
    const started = performance.now();
    await term.run(`cat /bigfile; echo ${tag}$((1+${i}))`);
    // A command line that lost keys fails this run (the marker and the file's lines must both show).
    await page.waitForFunction(
      // The marker, and the file's lines just above it: a lost keystroke cannot pass for a fast cat.
      (want) => {
        const text = document.querySelector('.xterm-rows')?.textContent ?? '';
        return text.includes(want) && text.includes('wxyz0123456789abcdefghijklmnopqrstuvwxyz');
      },
      `${tag}${1 + i}`,
      { timeout: 60_000, polling: 'raf' },
    );
    ui.push(performance.now() - started);
  }

  results.push(
    [`docker exec cat 20 MiB > /dev/null`, ms(median(cli)), cli.map((v) => Math.round(v)).join(', ')],
    [`Berth terminal: cat 20 MiB until the end marker shows`, ms(median(ui)), ui.map((v) => Math.round(v)).join(', ')],
    [`ratio (budget ≤ ${CAT_BUDGET_RATIO}×)`, `${(median(ui) / median(cli)).toFixed(2)}×`, ''],
    [`docker exec -t cat 20 MiB > /dev/null (with a TTY)`, ms(median(cliTty)), cliTty.map((v) => Math.round(v)).join(', ')],
    [`ratio to docker exec -t`, `${(median(ui) / median(cliTty)).toFixed(2)}×`, ''],
  );
  // Printed here too: a missed budget fails this test, and the next test runs in a new worker without `results`.
  console.log(formatTable(['what', 'median', 'runs'], results));
  expect.soft(median(ui) / median(cli), 'cat within 2x of docker exec').toBeLessThanOrEqual(CAT_BUDGET_RATIO);
});

// A fresh page and session: keystrokes right after a bulk `cat` in the same session were seen to get lost (see README).
test('terminal: keystroke echo, Ctrl+C during yes', async ({ page }) => {
  test.setTimeout(600_000);
  const term = await openTerminal(page);
  // 2. Keystroke to echo: a key pressed at the prompt until the screen's text changes (checked every frame).
  await term.run('clear');
  const latencies: number[] = [];
  let lost = 0;
  let line = '';
  for (let i = 0; i < KEYSTROKES; i++) {
    const ch = String.fromCharCode(97 + (i % 26));
    line += ch;
    const t0 = await page.evaluate(() => performance.now());
    await page.keyboard.press(ch);
    const hit = await page
      .waitForFunction(
        (want) =>
          (document.querySelector('.xterm-rows')?.textContent ?? '').replace(/\u00a0/g, ' ').includes(want) ? performance.now() : false,
        `# ${line}`,
        { polling: 'raf', timeout: 3_000 },
      )
      .catch(() => null);
    if (hit) latencies.push(((await hit.jsonValue()) as number) - t0);
    else {
      // The echo never came (see README: an occasional lost key at busybox's prompt); start the line again.
      lost++;
      line = 'x'.repeat(20);
    }
    if (line.length === 20) {
      await page.keyboard.press('Control+U');
      line = '';
      await page.waitForFunction(() => /# \s*$/.test((document.querySelector('.xterm-rows')?.textContent ?? '').replace(/\u00a0/g, ' ')));
    }
  }
  await page.keyboard.press('Control+U');
  console.log(`keystrokes: ${latencies.map(Math.round).join(', ')} ms`);

  // 3. Ctrl+C during `yes`: from the key press until the shell's prompt is the last line again.
  const interrupts: number[] = [];
  for (let i = 0; i < CTRL_C_RUNS; i++) {
    // Typed again when the line got lost (see README: occasional lost keys at busybox's prompt).
    await expect(async () => {
      await term.run('yes');
      await expect(term.screen()).toContainText('yyyyyyyyyy', { timeout: 3_000 });
    }).toPass({ timeout: 30_000 });
    // Not waiting for a condition: `yes` runs a while on purpose, so the backlog and flow control are engaged.
    await page.waitForTimeout(1500);
    const t0 = await page.evaluate(() => performance.now());
    await page.keyboard.press('Control+C');
    const at = await page.waitForFunction(
      () => {
        const rows = [...document.querySelectorAll('.xterm-accessibility-tree > div, .xterm-rows > div')].map((r) => (r.textContent ?? '').trimEnd());
        const last = rows.filter((r) => r.length > 0).pop() ?? '';
        return /[#$]$/.test(last) ? performance.now() : false;
      },
      undefined,
      { polling: 'raf', timeout: 30_000 },
    );
    interrupts.push(((await at.jsonValue()) as number) - t0);
    await term.run('clear');
  }

  results.push(
    [`keystroke → echo on screen, p50 / p99 (${latencies.length} of ${KEYSTROKES} keys)`, `${ms(percentile(latencies, 50))} / ${ms(percentile(latencies, 99))}`, `${lost} lost`],
    [`Ctrl+C during yes → prompt (budget ≤ ${CTRL_C_BUDGET_MS} ms), median / max`, `${ms(median(interrupts))} / ${ms(Math.max(...interrupts))}`, interrupts.map((v) => Math.round(v)).join(', ')],
  );
  console.log(`\nrenderer: ${renderer}\n`);
  console.log(formatTable(['what', 'median', 'runs'], results));
  expect.soft(Math.max(...interrupts), 'Ctrl+C answered within 200 ms').toBeLessThanOrEqual(CTRL_C_BUDGET_MS);
});
