/**
 * Identical reads in flight share one engine request: the 200th `containers.list` asked
 * while the first is on its way gets the first one's answer instead of a request of its
 * own. Nothing is kept once the answer is in (this is not a cache), so a read that
 * starts after an answer always sees the engine's state after it.
 *
 * The shared value is the same object for every caller: callers treat engine answers as
 * read-only (the mappers build new objects from them).
 */
export interface SingleFlight {
  run<T>(key: string, start: () => Promise<T>): Promise<T>;
  /** Reads in flight now (tests and benches look). */
  size(): number;
}

export function createSingleFlight(): SingleFlight {
  const flights = new Map<string, Promise<unknown>>();
  return {
    run<T>(key: string, start: () => Promise<T>): Promise<T> {
      const existing = flights.get(key);
      if (existing) return existing as Promise<T>;
      const flight = start().finally(() => flights.delete(key));
      flights.set(key, flight);
      return flight;
    },
    size: () => flights.size,
  };
}
