import { execFile } from 'node:child_process';
import { get } from 'node:http';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { promisify } from 'node:util';
import { expect, test } from '@playwright/test';
import WebSocket from 'ws';
import { startBerthServer, type BerthServer } from '../e2e/support/berth-server';
import { closeFixtureClient, createTestContainer, ensureBusyboxImage, fixtureClient } from '../src-main/test-support/engine-fixtures';
import { BENCH_LABEL, BENCH_LABELS, removeBenchObjects } from './support/bench-objects';
import { startGetProbe, type GetProbe } from './support/get-probe';
import { formatTable, inBatches, median, percentile } from './support/stats';

// 200 concurrent containers.list calls over the WebSocket of a browser-mode server, with
// an unrelated static GET / timed while they run, against 20 sequential `docker ps -a`.

const run = promisify(execFile);

const CONTAINERS = Number(process.env.BERTH_BENCH_CONTAINERS ?? 1000);
const CALLS = 200;
/**
 * The calls are spread over this many WebSockets (as many browser tabs): one socket
 * holding 200 answers of ~0.5 MB each would be over the server's 4 MB backlog limit per
 * client, which drops a reader that far behind (ws-connection.ts); and a server takes at
 * most 32 sockets (ws-limits.ts).
 */
const SOCKETS = 25;
const DOCKER_PS_RUNS = 20;
const ROUNDS = 3;
const GET_P99_BUDGET_MS = 100;
let berth: BerthServer | undefined;

test.beforeAll(async () => {
  test.setTimeout(900_000);
  await ensureBusyboxImage();
  const client = fixtureClient();
  const started = Date.now();
  await inBatches(Array.from({ length: CONTAINERS }), 20, () => createTestContainer({ start: false, labels: { ...BENCH_LABELS } }, client));
  console.log(`created ${CONTAINERS} containers in ${Date.now() - started} ms`);
  berth = await startBerthServer();
});

test.afterAll(async () => {
  test.setTimeout(900_000);
  await berth?.stop();
  console.log(`removed ${await removeBenchObjects()} bench containers`);
  closeFixtureClient();
});

/** One static GET / (the app's HTML, which needs no token): the unrelated request whose latency shows a blocked event loop. */
function timeStaticGet(server: BerthServer): Promise<number> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    get(`${server.origin}/`, (res) => {
      res.resume();
      res.on('end', () => (res.statusCode === 200 ? resolve(performance.now() - t0) : reject(new Error(`GET / answered ${res.statusCode}`))));
    }).on('error', reject);
  });
}

/** A socket signed in as the page does: the token as its first message, then the server's `ready`. */
function openSocket(server: BerthServer): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${server.port}/api/ws`, { headers: { Origin: server.origin } });
    ws.once('open', () => ws.send(JSON.stringify({ t: 'auth', token: server.token })));
    const onMessage = (data: WebSocket.RawData) => {
      const msg = JSON.parse(data.toString()) as { t: string; error?: unknown };
      ws.off('message', onMessage);
      ws.off('error', reject);
      if (msg.t === 'ready') resolve(ws);
      else reject(new Error(`the server refused the socket: ${JSON.stringify(msg)}`));
    };
    ws.on('message', onMessage);
    ws.once('error', reject);
  });
}

/** `count` containers.list calls sent at once on one socket; resolves when every answer is in, with the failures. */
function listsOn(ws: WebSocket, firstId: number, count: number): Promise<string[]> {
  return new Promise((resolve) => {
    const failed: string[] = [];
    const waiting = new Set<number>();
    const onClose = () => {
      failed.push(...[...waiting].map(() => 'the server closed the socket'));
      resolve(failed);
    };
    ws.once('close', onClose);
    const onMessage = (data: WebSocket.RawData, binary: boolean) => {
      if (binary) return;
      const msg = JSON.parse(data.toString()) as { t: string; id: number; ok?: boolean; value?: unknown[]; error?: unknown };
      if (msg.t !== 'result' || !waiting.has(msg.id)) return;
      if (!msg.ok) failed.push(JSON.stringify(msg.error));
      else if ((msg.value?.length ?? 0) < CONTAINERS) failed.push(`answered ${msg.value?.length} containers`);
      waiting.delete(msg.id);
      if (waiting.size === 0) {
        ws.off('message', onMessage);
        ws.off('close', onClose);
        resolve(failed);
      }
    };
    ws.on('message', onMessage);
    for (let i = 0; i < count; i++) {
      waiting.add(firstId + i);
      ws.send(JSON.stringify({ t: 'call', id: firstId + i, method: 'containers.list', args: {} }));
    }
  });
}

/** CALLS calls at once, spread over the sockets; the time until the last answer, and the failures. */
async function concurrentLists(sockets: WebSocket[], firstId: number): Promise<{ ms: number; failed: string[] }> {
  const t0 = performance.now();
  const per = CALLS / sockets.length;
  const failed = (await Promise.all(sockets.map((ws, i) => listsOn(ws, firstId + i * per, per)))).flat();
  return { ms: performance.now() - t0, failed };
}

async function dockerPsSequential(): Promise<number> {
  const t0 = performance.now();
  for (let i = 0; i < DOCKER_PS_RUNS; i++) await run('docker', ['ps', '-a', '--format', '{{json .}}'], { maxBuffer: 256 * 1024 * 1024 });
  return performance.now() - t0;
}

const ms = (n: number) => `${Math.round(n)} ms`;

test(`${CALLS} concurrent containers.list at ${CONTAINERS} containers: an unrelated GET stays fast`, async () => {
  const left = (await fixtureClient().listContainers({ label: [`${BENCH_LABEL}=1`] })).length;
  expect(left, 'bench containers intact (run benches alone)').toBeGreaterThanOrEqual(CONTAINERS);
  // One after another, as tabs would open; an error on one later is reported, not thrown.
  const sockets: WebSocket[] = [];
  for (let i = 0; i < SOCKETS; i++) {
    const ws = await openSocket(berth!);
    ws.on('error', (err) => console.log(`socket ${i}: ${err.message}`));
    sockets.push(ws);
  }
  const idle: number[] = [];
  for (let i = 0; i < 20; i++) idle.push(await timeStaticGet(berth!));

  const rows: string[][] = [];
  const allDuring: number[] = [];
  const totals: number[] = [];
  const dockers: number[] = [];
  let failures = 0;
  try {
    for (let round = 0; round < ROUNDS; round++) {
      // The unrelated request comes from a process of its own, as another client's would.
      // Timed from this process it would also wait out this process's own stalls: it reads
      // the 200 answers (0.5 MB of JSON each) on its one event loop, 140–250 ms at a time
      // on a shared machine, which is the bench's cost, not the server's.
      const ownLoop = monitorEventLoopDelay({ resolution: 5 });
      const unrelated: GetProbe = await startGetProbe(`${berth!.origin}/`);
      ownLoop.enable();
      const from = Date.now();
      const { ms: total, failed } = await concurrentLists(sockets, 1 + round * CALLS);
      const until = Date.now();
      ownLoop.disable();
      const during = await unrelated.stop(from, until);
      failures += failed.length;
      if (failed.length) console.log(`round ${round + 1}: ${failed.length} calls failed, e.g. ${failed[0]}`);
      const docker = await dockerPsSequential();
      totals.push(total);
      dockers.push(docker);
      allDuring.push(...during);
      rows.push([
        `round ${round + 1}`,
        ms(total),
        ms(docker),
        `${(total / docker).toFixed(2)}×`,
        `${during.length}`,
        ms(percentile(during, 50)),
        ms(percentile(during, 99)),
        ms(Math.max(...during)),
        ms(ownLoop.max / 1e6),
      ]);
    }
  } finally {
    for (const ws of sockets) ws.close();
  }
  rows.push([
    `median / all`,
    ms(median(totals)),
    ms(median(dockers)),
    `${(median(totals) / median(dockers)).toFixed(2)}×`,
    `${allDuring.length}`,
    ms(percentile(allDuring, 50)),
    ms(percentile(allDuring, 99)),
    ms(Math.max(...allDuring)),
    '',
  ]);
  console.log(
    `\nGET / while idle: p50 ${ms(percentile(idle, 50))}, p99 ${ms(percentile(idle, 99))}\n${formatTable(
      ['', `${CALLS} × containers.list`, `${DOCKER_PS_RUNS} × docker ps -a`, 'ratio (budget < 1)', 'unrelated GETs during', 'GET p50', 'GET p99 (budget 100 ms)', 'GET max', "bench process's own longest stall"],
      rows,
    )}\n`,
  );
  expect.soft(failures, 'calls that failed').toBe(0);
  expect.soft(percentile(allDuring, 99), 'unrelated GET p99 while the calls run').toBeLessThanOrEqual(GET_P99_BUDGET_MS);
  expect.soft(median(totals), `${CALLS} calls sooner than ${DOCKER_PS_RUNS} docker ps`).toBeLessThan(median(dockers));
});
