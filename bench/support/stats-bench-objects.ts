import { fixtureClient, removeTestContainer, TEST_RUN_ID, TEST_RUN_LABEL } from '../../src-main/test-support/engine-fixtures';

/**
 * The stats benches' own label, and not berth.bench=1: another developer's bench setup
 * removes every berth.bench=1 container on the shared engine, which took this bench's
 * containers away halfway through a measurement.
 */
export const STATS_BENCH_LABELS: Readonly<Record<string, string>> = { 'berth.bench.stats': '1' };

/** Removes this process's stats-bench containers only. */
export async function removeStatsBenchObjects(client = fixtureClient()): Promise<void> {
  const mine = await client.listContainers({ label: ['berth.bench.stats=1', `${TEST_RUN_LABEL}=${TEST_RUN_ID}`] });
  const queue = mine.map((c) => c.Id);
  const worker = async () => {
    for (let id = queue.pop(); id !== undefined; id = queue.pop()) await removeTestContainer(id, client);
  };
  await Promise.all(Array.from({ length: 8 }, worker));
}
