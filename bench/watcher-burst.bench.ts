import { expect, test } from '@playwright/test';
import { createTestContainer, ensureBusyboxImage, fixtureClient, waitFor } from '../src-main/test-support/engine-fixtures';
import { BENCH_LABELS, removeBenchObjects } from './support/bench-objects';
import { startCountedWatcher } from './support/watcher-harness';

// A burst of creates outside Berth (a script, `docker compose up`): how long the creates
// take while the watcher follows them, how soon after the last one it has them all, and
// how many list requests it spent on the way.
test.afterEach(async () => {
  await removeBenchObjects();
});

for (const n of [100, 250]) {
  test(`watcher keeps up with ${n} containers created in parallel`, async () => {
    await ensureBusyboxImage();
    const counted = startCountedWatcher();
    try {
      await waitFor(() => counted.watcher.current(), { timeoutMs: 10_000, description: 'first snapshot' });
      const listsBefore = counted.lists();
      const client = fixtureClient();
      const firstStarted = Date.now();
      let lastCreated = 0;
      const made = await Promise.all(
        Array.from({ length: n }, async () => {
          const c = await createTestContainer({ start: false, labels: { ...BENCH_LABELS } }, client);
          lastCreated = Math.max(lastCreated, Date.now());
          return c;
        }),
      );
      const ids = new Set(made.map((c) => c.id));
      const hasAll = () => (counted.watcher.current() ?? []).filter((c) => ids.has(c.id)).length === n;
      await waitFor(hasAll, { timeoutMs: 240_000, intervalMs: 5, description: `all ${n} in the watcher` });
      const lag = Date.now() - lastCreated;
      const lists = counted.lists() - listsBefore;
      console.log(
        `N=${n}: creates took ${lastCreated - firstStarted} ms; watcher had all ${lag} ms after the last; ${lists} list requests`,
      );
      expect(lists).toBeLessThan(n);
    } finally {
      counted.dispose();
    }
  });
}
