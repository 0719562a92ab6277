import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { test } from '@playwright/test';
import {
  closeFixtureClient,
  ensureBusyboxImage,
  fixtureClient,
  IDLE_CMD,
  removeTestContainer,
  TEST_IMAGE,
  uniqueName,
} from '../src-main/test-support/engine-fixtures';
import { randomBytes } from 'node:crypto';

import { formatTable, inBatches, median } from './support/stats';

// Where the containers list gets its start and finish times. The list endpoint
// (/containers/json) has State, the Status text ("Up 44 seconds") and Created, but no
// StartedAt/FinishedAt; those are only in an inspect. This bench compares, at 1000
// containers, the one list Berth asks for after every (re)connect with that list plus
// one inspect per container, in wall time and in dockerd's CPU time.

const CONTAINERS = 1000;
const RUNS = 3;
/** Inspects in flight at once: about what a careful client would allow itself. */
const INSPECT_CONCURRENCY = 8;
/**
 * This run's own label, and only it: concurrent test runs sweep berth.test=1 and other
 * bench runs berth.bench=1 containers, which took ours away halfway through a measurement.
 */
const RUN_KEY = 'berth.bench.status';
const RUN_VALUE = randomBytes(4).toString('hex');
const RUN_LABEL = `${RUN_KEY}=${RUN_VALUE}`;

function dockerdCpuMs(): number {
  const pid = execFileSync('pidof', ['dockerd']).toString().trim().split(/\s+/)[0]!;
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  // utime and stime are fields 14 and 15 of the whole line, in clock ticks (100 a second here).
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

async function measure(work: () => Promise<unknown>): Promise<{ wall: number; cpu: number }> {
  const cpu0 = dockerdCpuMs();
  const t0 = performance.now();
  await work();
  return { wall: performance.now() - t0, cpu: dockerdCpuMs() - cpu0 };
}

test.beforeAll(async () => {
  test.setTimeout(900_000);
  await ensureBusyboxImage();
  await inBatches(Array.from({ length: CONTAINERS }), 20, () =>
    fixtureClient().createContainer({ name: uniqueName('status'), Image: TEST_IMAGE, Cmd: IDLE_CMD, Labels: { [RUN_KEY]: RUN_VALUE } }),
  );
});

test.afterAll(async () => {
  test.setTimeout(900_000);
  const mine = await fixtureClient().listContainers({ label: [RUN_LABEL] });
  await inBatches(mine, 16, (c) => removeTestContainer(c.Id));
  closeFixtureClient();
});

test('status source: one list versus one list plus an inspect per container', async () => {
  test.setTimeout(900_000);
  const client = fixtureClient();
  const list = () => client.listContainers({ label: [RUN_LABEL] });
  let missing = 0;
  const listOnly: { wall: number; cpu: number }[] = [];
  const withInspect: { wall: number; cpu: number }[] = [];
  for (let i = 0; i < RUNS; i++) {
    listOnly.push(await measure(list));
    withInspect.push(
      await measure(async () => {
        const rows = await list();
        await inBatches(rows, INSPECT_CONCURRENCY, (c) => client.inspectContainer({ id: c.Id }).catch(() => (missing += 1)));
      }),
    );
  }
  const row = (name: string, m: { wall: number; cpu: number }[]) => [
    name,
    `${median(m.map((x) => x.wall)).toFixed(0)} ms`,
    `${median(m.map((x) => x.cpu)).toFixed(0)} ms`,
  ];
  console.log(`${(await list()).length} containers listed; ${missing} inspects found theirs gone`);
  console.log(
    formatTable(
      ['at 1000 containers (median of 3)', 'wall', 'dockerd CPU'],
      [row('list (today)', listOnly), row(`list + inspect each (${INSPECT_CONCURRENCY} in flight)`, withInspect)],
    ),
  );
});
