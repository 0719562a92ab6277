import { describe, expect, it } from 'vitest';
import { STATS_HISTORY_MS } from '../../../src-common/models/stats';
import { HISTORY_BYTES, HISTORY_CAPACITY, StatsHistoryStore, StatsRing } from './stats-history';

const sample = (t: number, cpuPercent: number | null = t) => ({
  t, cpuPercent, memoryBytes: 1, memoryLimitBytes: null, netRxRate: null, netTxRate: null, blockReadRate: 0, blockWriteRate: 0, pids: 2,
});

describe('StatsRing', () => {
  it('keeps the newest readings in order, unknowns as null, within 15 minutes', () => {
    const ring = new StatsRing();
    const now = 10_000_000;
    for (let i = 0; i < HISTORY_CAPACITY + 10; i++) ring.push(sample(now - (HISTORY_CAPACITY + 9 - i) * 2000, i % 7 === 0 ? null : i));
    expect(ring.size).toBe(HISTORY_CAPACITY);
    const cols = ring.toColumns(now);
    expect(cols.t.at(-1)).toBe(now);
    expect(cols.t[0]).toBeGreaterThanOrEqual(now - STATS_HISTORY_MS);
    expect(cols.t).toEqual([...cols.t].sort((a, b) => a - b));
    expect(cols.memoryLimitBytes.every((v) => v === null)).toBe(true);
    expect(cols.cpuPercent).toContain(null);
  });

  it('costs a fixed 34.5 KB per container', () => {
    expect(HISTORY_BYTES).toBe(HISTORY_CAPACITY * 9 * 8);
    expect(HISTORY_BYTES).toBeLessThan(36_000);
  });
});

describe('StatsHistoryStore', () => {
  it('keeps at most N containers, dropping the least recently written', () => {
    const store = new StatsHistoryStore(2);
    store.push('a', sample(1));
    store.push('b', sample(1));
    store.push('a', sample(2));
    store.push('c', sample(1));
    expect(store.containers).toBe(2);
    expect(store.columns('b', 3).t).toEqual([]);
    expect(store.columns('a', 3).t).toEqual([1, 2]);
    store.drop('a');
    expect(store.columns('a', 3).t).toEqual([]);
  });
});
