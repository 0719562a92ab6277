import { spawn } from 'node:child_process';
import { setMaxListeners } from 'node:events';
import { test } from '@playwright/test';
import { Agent, request as httpRequest } from 'node:http';
import { createTestContainer, ensureBusyboxImage, fixtureClient } from '../src-main/test-support/engine-fixtures';
import { removeStatsBenchObjects, STATS_BENCH_LABELS } from './support/stats-bench-objects';
import { containerdPids, cpuMeter, dockerdPid } from './support/proc-cpu';
import { formatTable, inBatches, median } from './support/stats';

// Which way of collecting stats costs the engine less: one stream per container (what
// `docker stats` does) or a single sample (`stream=0`, with `one-shot=1` where the API
// has it) per container every 2 s? Measured as CPU seconds of dockerd, and of containerd
// plus the containers' shims (on Linux the engine asks containerd, which asks each shim
// to read the cgroup), for N idle containers over the same wall time, modes interleaved
// and repeated because the machine is shared.
const N = Number(process.env.BERTH_STATS_N ?? 50);
const SECONDS = Number(process.env.BERTH_STATS_SECONDS ?? 30);
const ROUNDS = Number(process.env.BERTH_STATS_ROUNDS ?? 2);
const SOCKET = '/var/run/docker.sock';
const API = '/v1.41';

type Mode = { name: string; run(ids: string[], signal: AbortSignal): Promise<number> };

// A round asks for every container at once: Docker 20.10 answers even a one-shot request
// from its collector's next pass (once a second), so requests spread over several passes
// would make a round take seconds; all at once they share one pass.
const agent = new Agent({ keepAlive: true });

function get(path: string, signal: AbortSignal, onBody: (bytes: number) => void): Promise<void> {
  return new Promise((resolve) => {
    const req = httpRequest({ socketPath: SOCKET, path: `${API}${path}`, agent, signal }, (res) => {
      res.on('data', (chunk: Buffer) => onBody(chunk.length));
      res.on('end', resolve);
      res.on('error', () => resolve());
    });
    req.on('error', () => resolve());
    req.end();
  });
}

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const t = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => (clearTimeout(t), resolve()), { once: true });
  });

/** Every 2 s, one request per container, all at once; returns samples read. */
function polling(query: string): Mode['run'] {
  return async (ids, signal) => {
    let samples = 0;
    while (!signal.aborted) {
      const started = Date.now();
      await inBatches(ids, ids.length, (id) => get(`/containers/${id}/stats?${query}`, signal, () => undefined).then(() => void samples++));
      await sleep(Math.max(0, 2000 - (Date.now() - started)), signal);
    }
    return samples;
  };
}

const modes: Mode[] = [
  { name: 'nothing (baseline)', run: (_ids, signal) => sleep(SECONDS * 1000, signal).then(() => 0) },
  {
    name: 'one stream per container',
    run: async (ids, signal) => {
      const streamAgent = new Agent({ keepAlive: false }); // a socket per stream, like the CLI
      let lines = 0;
      await Promise.all(
        ids.map(
          (id) =>
            new Promise<void>((resolve) => {
              const req = httpRequest({ socketPath: SOCKET, path: `${API}/containers/${id}/stats?stream=1`, agent: streamAgent, signal }, (res) => {
                res.on('data', (chunk: Buffer) => (lines += chunk.toString().split('\n').length - 1));
                res.on('close', resolve);
              });
              req.on('error', () => resolve());
              req.end();
            }),
        ),
      );
      return lines;
    },
  },
  { name: 'stream=0&one-shot=1 every 2 s', run: polling('stream=0&one-shot=1') },
  { name: 'stream=0 every 2 s', run: polling('stream=0') },
  {
    name: 'docker stats (CLI)',
    run: (ids, signal) =>
      new Promise((resolve) => {
        const child = spawn('docker', ['stats', '--format', '{{json .}}', ...ids], { stdio: ['ignore', 'ignore', 'ignore'] });
        // SIGKILL: the CLI did not exit on SIGTERM while it streamed.
        signal.addEventListener('abort', () => child.kill('SIGKILL'), { once: true });
        child.on('exit', () => resolve(0));
      }),
  },
];

test.afterAll(async () => {
  agent.destroy();
  await removeStatsBenchObjects();
});

test(`engine CPU of collecting stats for ${N} containers: streams vs one-shot`, async () => {
  test.setTimeout((modes.length * ROUNDS * (SECONDS + 20) + 300) * 1000);
  await ensureBusyboxImage();
  const made = await inBatches(Array.from({ length: N }), 8, () => createTestContainer({ labels: { ...STATS_BENCH_LABELS } }, fixtureClient()));
  const ids = made.map((c) => c.id);
  const dockerd = dockerdPid();
  const results = new Map<string, { dockerd: number[]; containerd: number[]; samples: number[] }>();
  for (let round = 0; round < ROUNDS; round++) {
    for (const mode of modes) {
      const dMeter = cpuMeter(() => [dockerd]);
      const cMeter = cpuMeter(() => containerdPids(ids));
      const controller = new AbortController();
      setMaxListeners(0, controller.signal); // every request of the mode listens to it
      const timer = setTimeout(() => controller.abort(), SECONDS * 1000);
      const samples = await mode.run(ids, controller.signal);
      clearTimeout(timer);
      const r = results.get(mode.name) ?? { dockerd: [], containerd: [], samples: [] };
      r.dockerd.push(dMeter.stop());
      r.containerd.push(cMeter.stop());
      r.samples.push(samples);
      results.set(mode.name, r);
      console.log(`round ${round + 1}: ${mode.name}: dockerd ${r.dockerd.at(-1)?.toFixed(2)} s, containerd+shims ${r.containerd.at(-1)?.toFixed(2)} s`);
      await new Promise((resolve) => setTimeout(resolve, 3000)); // let the engine settle
    }
  }
  const pct = (cpuSeconds: number) => `${((cpuSeconds / SECONDS) * 100).toFixed(1)} %`;
  const rows = [...results].map(([name, r]) => [
    name,
    pct(median(r.dockerd)),
    pct(median(r.containerd)),
    r.dockerd.map((s) => s.toFixed(2)).join(', '),
    String(median(r.samples)),
  ]);
  console.log(
    `\n${N} idle containers, ${SECONDS} s per mode, ${ROUNDS} rounds (median; % of one core)\n` +
      formatTable(['mode', 'dockerd', 'containerd + shims', 'dockerd CPU s per round', 'samples read'], rows),
  );
});
