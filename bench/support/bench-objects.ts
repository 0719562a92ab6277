import { fixtureClient, removeTestContainer } from '../../src-main/test-support/engine-fixtures';

/** Someone else (a concurrent e2e run's berth.test=1 sweep) already removing it is fine. */
const ignoreRemovalInProgress = (err: unknown) => {
  if (!/already in progress/.test(String((err as Error).message))) throw err;
};

/** Everything a bench creates carries berth.bench=1 besides the fixtures' berth.test=1. */
export const BENCH_LABEL = 'berth.bench';
export const BENCH_LABELS: Readonly<Record<string, string>> = { [BENCH_LABEL]: '1' };

/**
 * Removes the bench's containers only: integration tests of other runs may share the
 * engine, and their berth.test=1 containers are not ours to take away.
 */
export async function removeBenchObjects(client = fixtureClient()): Promise<number> {
  const mine = await client.listContainers({ label: [`${BENCH_LABEL}=1`] });
  const queue = mine.map((c) => c.Id);
  // A few at a time: a thousand parallel removes only queue up inside the engine.
  const worker = async () => {
    for (let id = queue.pop(); id !== undefined; id = queue.pop()) await removeTestContainer(id, client).catch(ignoreRemovalInProgress);
  };
  await Promise.all(Array.from({ length: 16 }, worker));
  return mine.length;
}
