import { z } from 'zod';

/** How often a container someone looks at is sampled, and so the spacing of its history. */
export const STATS_INTERVAL_MS = 2000;
/** The longest chart window: 15 minutes of samples are kept per container in main. */
export const STATS_HISTORY_MS = 15 * 60 * 1000;

const Rate = z.number().nonnegative().nullable();

/**
 * One reading of one container, computed in main the way `docker stats` computes it.
 * Null means the engine did not say (or a rate has no earlier reading to compare with);
 * it is never shown as zero.
 */
export const StatsSample = z.object({
  /** Main's clock (ms since the epoch) when the reading arrived. */
  t: z.number(),
  /** CPU over the last interval; 100 = one CPU busy (so up to 100 × CPUs, as `docker stats`). */
  cpuPercent: z.number().nonnegative().nullable(),
  /** Memory in use without the inactive file cache (`docker stats`' MEM USAGE). */
  memoryBytes: z.number().nonnegative().nullable(),
  /** The container's own memory limit; null when it has none (the engine then reports the host's memory). */
  memoryLimitBytes: z.number().positive().nullable(),
  /** Bytes per second over the last interval, all networks together. */
  netRxRate: Rate,
  netTxRate: Rate,
  /** Bytes per second read from and written to block devices. */
  blockReadRate: Rate,
  blockWriteRate: Rate,
  pids: z.number().int().nonnegative().nullable(),
});
export type StatsSample = z.infer<typeof StatsSample>;

export const STATS_FIELDS = [
  'cpuPercent',
  'memoryBytes',
  'memoryLimitBytes',
  'netRxRate',
  'netTxRate',
  'blockReadRate',
  'blockWriteRate',
  'pids',
] as const satisfies readonly (keyof StatsSample)[];
export type StatsField = (typeof STATS_FIELDS)[number];

const Column = z.array(z.number().nullable()).max(2000);

/** A container's kept readings, oldest first, one array per field (what uPlot draws from). */
export const StatsHistory = z.object({
  t: z.array(z.number()).max(2000),
  cpuPercent: Column,
  memoryBytes: Column,
  memoryLimitBytes: Column,
  netRxRate: Column,
  netTxRate: Column,
  blockReadRate: Column,
  blockWriteRate: Column,
  pids: Column,
});
export type StatsHistory = z.infer<typeof StatsHistory>;

/** Every container of the engine together, against what the engine's host has. */
export const StatsTotals = z.object({
  t: z.number(),
  cpuPercent: z.number().nonnegative(),
  memoryBytes: z.number().nonnegative(),
  /** Running containers, and how many of them have a recent reading in the sums. */
  running: z.number().int().nonnegative(),
  measured: z.number().int().nonnegative(),
  /** From the engine's `/info`: NCPU and MemTotal; null when it did not say. */
  hostCpus: z.number().int().positive().nullable(),
  hostMemoryBytes: z.number().positive().nullable(),
});
export type StatsTotals = z.infer<typeof StatsTotals>;

export const StatsLiveChunk = z.discriminatedUnion('kind', [
  /** The newest reading of each watched container that has one since the last chunk. */
  z.object({ kind: z.literal('samples'), samples: z.array(z.object({ id: z.string(), sample: StatsSample })).max(2000) }),
  /** Watched containers that stopped or went away: their figures are no longer current. */
  z.object({ kind: z.literal('gone'), ids: z.array(z.string()).max(2000) }),
  z.object({ kind: z.literal('totals'), totals: StatsTotals }),
]);
export type StatsLiveChunk = z.infer<typeof StatsLiveChunk>;

export const StatsHistoryChunk = z.discriminatedUnion('kind', [
  /** First: every kept reading (up to 15 minutes), then one `sample` per reading. */
  z.object({ kind: z.literal('history'), history: StatsHistory }),
  z.object({ kind: z.literal('sample'), sample: StatsSample }),
  /** The container stopped; readings resume when it starts again. */
  z.object({ kind: z.literal('stopped') }),
]);
export type StatsHistoryChunk = z.infer<typeof StatsHistoryChunk>;
