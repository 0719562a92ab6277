import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from '@playwright/test';
import { closeFixtureClient, createTestContainer, ensureBusyboxImage, fixtureClient } from '../src-main/test-support/engine-fixtures';
import { BENCH_LABELS, removeBenchObjects } from './support/bench-objects';
import { timeListOpen } from './support/list-open';
import { formatTable, inBatches, median } from './support/stats';

/**
 * The container list's first open, compared between builds in one run: on a shared
 * machine two runs of container-list.bench.ts minutes apart differ more than the change
 * being measured. BERTH_AB_DISTS names the builds (folders under the repository holding a
 * `main/` and a `renderer/`, e.g. `dist-main,dist`: copy a build of main to dist-main
 * first); each round opens each build once, alternating, in a fresh browser context, and
 * times it as container-list.bench.ts does. BERTH_AB_TRACE=<build> also writes a Chromium
 * trace of one more open of that build to /tmp/list-open-<build>.json. Skipped without
 * BERTH_AB_DISTS.
 */
const DISTS = process.env.BERTH_AB_DISTS?.split(',').filter(Boolean) ?? [];
const ROUNDS = Number(process.env.BERTH_AB_ROUNDS ?? 9);
const CONTAINERS = 1000;
const root = path.resolve(import.meta.dirname, '..');

interface Server {
  url: string;
  stop(): void;
}

async function startServer(dist: string): Promise<Server> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'berth-ab-'));
  const child: ChildProcess = spawn(process.execPath, [path.join(root, dist, 'main/server.mjs'), '--port', '0'], {
    cwd: root,
    env: { ...process.env, BERTH_TOKEN: randomBytes(24).toString('base64url'), BERTH_DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const url = await new Promise<string>((resolve, reject) => {
    const seen = (d: Buffer) => {
      out += d.toString();
      const m = /(http:\/\/127\.0\.0\.1:\d+\/#token=\S+)/.exec(out);
      if (m?.[1]) resolve(m[1]);
    };
    child.stdout?.on('data', seen);
    child.stderr?.on('data', seen);
    child.once('exit', (code) => reject(new Error(`${dist} server exited with ${code}:\n${out}`)));
  });
  return {
    url,
    stop: () => {
      child.kill('SIGTERM');
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function timeDockerPs(): Promise<number> {
  const t0 = Date.now();
  await new Promise((resolve) => spawn('docker', ['ps', '-a', '--format', '{{json .}}'], { stdio: 'ignore' }).once('exit', resolve));
  return Date.now() - t0;
}

test('container list open: builds compared in one run', async ({ browser }) => {
  test.skip(DISTS.length === 0, 'set BERTH_AB_DISTS, e.g. dist-main,dist');
  test.setTimeout(1_800_000);
  await ensureBusyboxImage();
  const client = fixtureClient();
  await inBatches(Array.from({ length: CONTAINERS }), 20, () => createTestContainer({ start: false, labels: { ...BENCH_LABELS } }, client));
  const servers = await Promise.all(DISTS.map(startServer));
  try {
    // A first open per server: its first list from the engine, and warm code.
    for (const s of servers) await timeListOpen(browser, s.url, CONTAINERS);
    const runs = DISTS.map(() => [] as { total: number; loaded: number; marks: Record<string, number> }[]);
    for (let r = 0; r < ROUNDS; r++) for (const [i, s] of servers.entries()) runs[i]!.push(await timeListOpen(browser, s.url, CONTAINERS));
    const docker: number[] = [];
    for (let i = 0; i < 5; i++) docker.push(await timeDockerPs());
    const trace = process.env.BERTH_AB_TRACE;
    if (trace && DISTS.includes(trace)) await timeListOpen(browser, servers[DISTS.indexOf(trace)]!.url, CONTAINERS, `/tmp/list-open-${trace}.json`);
    // The start-up marks main.tsx and start-app.tsx set (berth:entry, app-start, first-render).
    const markNames = [...new Set(runs.flat().flatMap((u) => Object.keys(u.marks)))];
    const rows = DISTS.map((dist, i) => {
      const totals = runs[i]!.map((u) => u.total);
      const loads = runs[i]!.map((u) => Math.round(u.loaded));
      const marks = markNames.map((name) => {
        const at = runs[i]!.map((u) => u.marks[name]).filter((t): t is number => t !== undefined);
        return at.length ? `${Math.round(median(at))} ms` : '–';
      });
      return [dist, `${median(totals)} ms`, `${median(loads)} ms`, ...marks, `${(median(totals) / median(docker)).toFixed(2)}×`, totals.join(', ')];
    });
    rows.push(["docker ps -a --format '{{json .}}'", `${median(docker)} ms`, '', ...markNames.map(() => ''), '', docker.join(', ')]);
    const headers = ['build', `open → ${CONTAINERS} rows (median of ${ROUNDS})`, 'load event', ...markNames.map((n) => `${n} at`), 'vs docker ps', 'runs (ms)'];
    console.log(`\n${formatTable(headers, rows)}\n`);
  } finally {
    for (const s of servers) s.stop();
    await removeBenchObjects();
    closeFixtureClient();
  }
});
