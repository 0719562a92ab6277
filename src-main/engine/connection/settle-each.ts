/**
 * Runs `fn` for every item, at most `limit` at a time (the engine serializes much of its
 * work anyway; a few in flight hide the round trips), and reports each outcome: a removal
 * of many objects goes on past one that fails and says which ones failed and why.
 */
export async function settleEach<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T) => Promise<R>,
): Promise<({ item: T; ok: true; value: R } | { item: T; ok: false; error: unknown })[]> {
  const results: ({ item: T; ok: true; value: R } | { item: T; ok: false; error: unknown })[] = new Array(items.length);
  let next = 0;
  async function worker(): Promise<void> {
    while (next < items.length) {
      const index = next++;
      const item = items[index]!;
      try {
        results[index] = { item, ok: true, value: await fn(item) };
      } catch (error) {
        results[index] = { item, ok: false, error };
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
