// The figures `docker stats` shows, from the engine's `/containers/{id}/stats` JSON.
// Pure: the collector and the unit tests (recorded JSON of cgroup v1, v2, Podman and
// Windows engines) use the same functions. Every field is optional: an engine that
// leaves one out gets null for that figure, never a crash and never a made-up zero.
import type { StatsSample } from '../../../src-common/models/stats';
import type { RawStats, RawCpuStats } from './stats-types';

/** The engine's counters at one instant: what two readings are compared by. */
export interface StatsReading {
  /** When the engine read them (its `read` time, ms since the epoch); the local clock where it gives none. */
  at: number;
  /** Container CPU time (ns on Linux; 100 ns units on Windows). */
  cpuTotal: number | null;
  /** Host CPU time of all CPUs (ns), Linux only. */
  systemCpu: number | null;
  onlineCpus: number | null;
  /** Windows engines report processors instead of system CPU time. */
  windowsProcs: number | null;
  memoryBytes: number | null;
  /** The limit as the engine reports it (the host's memory when the container has none). */
  memoryLimitRaw: number | null;
  /** Cumulative bytes since the container started. */
  netRx: number | null;
  netTx: number | null;
  blockRead: number | null;
  blockWrite: number | null;
  pids: number | null;
}

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : null);

/** An engine time; Go's zero time ("0001-01-01T00:00:00Z", what one-shot answers put in `preread`) is none. */
function engineTime(text: unknown): number | null {
  if (typeof text !== 'string') return null;
  const ms = Date.parse(text);
  return Number.isFinite(ms) && ms > 0 ? ms : null;
}

function onlineCpusOf(cpu: RawCpuStats | undefined): number | null {
  // As the CLI: online_cpus, else the length of percpu_usage (engines before API 1.27).
  const online = num(cpu?.online_cpus);
  if (online) return online;
  const perCpu = cpu?.cpu_usage?.percpu_usage;
  return Array.isArray(perCpu) && perCpu.length > 0 ? perCpu.length : null;
}

/**
 * Memory in use as `docker stats` shows it: usage minus the inactive file cache, which
 * the kernel can drop at any time (cgroup v1 `total_inactive_file`, v2 `inactive_file`).
 * Windows engines report the private working set instead.
 */
export function memoryInUse(memory: RawStats['memory_stats']): number | null {
  if (!memory) return null;
  const privateSet = num(memory.privateworkingset);
  if (privateSet !== null && memory.usage === undefined) return privateSet;
  const usage = num(memory.usage);
  if (usage === null) return null;
  const stats = memory.stats ?? {};
  const v1 = num(stats.total_inactive_file);
  if (v1 !== null && v1 < usage) return usage - v1;
  const v2 = num(stats.inactive_file);
  if (v2 !== null && v2 < usage) return usage - v2;
  return usage;
}

function sumNetworks(networks: RawStats['networks'], key: 'rx_bytes' | 'tx_bytes'): number | null {
  if (!networks || typeof networks !== 'object') return null;
  let total = 0;
  let any = false;
  for (const net of Object.values(networks)) {
    const v = num(net?.[key]);
    if (v !== null) {
      total += v;
      any = true;
    }
  }
  return any ? total : null;
}

function blockIo(raw: RawStats): { read: number | null; write: number | null } {
  const storage = raw.storage_stats;
  const windowsRead = num(storage?.read_size_bytes);
  if (windowsRead !== null) return { read: windowsRead, write: num(storage?.write_size_bytes) };
  const entries = raw.blkio_stats?.io_service_bytes_recursive;
  // An empty list (nothing read or written yet) is zero bytes; a missing one is unknown.
  if (!Array.isArray(entries)) return { read: null, write: null };
  let read = 0;
  let write = 0;
  for (const entry of entries) {
    const value = num(entry?.value);
    const op = typeof entry?.op === 'string' ? entry.op.charAt(0).toLowerCase() : '';
    if (value === null) continue;
    if (op === 'r') read += value;
    else if (op === 'w') write += value;
  }
  return { read, write };
}

function readCpu(cpu: RawCpuStats | undefined) {
  return { cpuTotal: num(cpu?.cpu_usage?.total_usage), systemCpu: num(cpu?.system_cpu_usage), onlineCpus: onlineCpusOf(cpu) };
}

/** The counters of one stats answer; null when it is not a stats object at all. */
export function readStats(raw: unknown, receivedAt: number): StatsReading | null {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return null;
  const stats = raw as RawStats;
  const io = blockIo(stats);
  const procs = num(stats.num_procs);
  return {
    at: engineTime(stats.read) ?? receivedAt,
    ...readCpu(stats.cpu_stats),
    windowsProcs: procs && procs > 0 ? procs : null,
    memoryBytes: memoryInUse(stats.memory_stats),
    memoryLimitRaw: num(stats.memory_stats?.limit) || null,
    netRx: sumNetworks(stats.networks, 'rx_bytes'),
    netTx: sumNetworks(stats.networks, 'tx_bytes'),
    blockRead: io.read,
    blockWrite: io.write,
    pids: num(stats.pids_stats?.current),
  };
}

/**
 * The engine's own previous reading inside a streamed answer (`precpu_stats`, `preread`),
 * CPU only; null where it has none (one-shot answers, Podman's first sample).
 */
export function readPreviousCpu(raw: unknown): StatsReading | null {
  if (!raw || typeof raw !== 'object') return null;
  const stats = raw as RawStats;
  const at = engineTime(stats.preread);
  const cpu = readCpu(stats.precpu_stats);
  if (at === null || !cpu.cpuTotal) return null;
  const procs = num(stats.num_procs);
  return {
    at,
    ...cpu,
    windowsProcs: procs && procs > 0 ? procs : null,
    memoryBytes: null,
    memoryLimitRaw: null,
    netRx: null,
    netTx: null,
    blockRead: null,
    blockWrite: null,
    pids: null,
  };
}

/**
 * CPU % between two readings, as the docker CLI computes it:
 * Linux: (container CPU delta / system CPU delta) × online CPUs × 100;
 * Windows: container CPU delta / (elapsed 100 ns intervals × processors) × 100.
 * Null when it cannot be told (a counter went backwards: the container restarted).
 * `hostCpus` (the engine's NCPU) stands in for online CPUs where the answer has neither
 * `online_cpus` nor `percpu_usage` (Podman on cgroup v2).
 */
export function cpuPercentBetween(prev: StatsReading, cur: StatsReading, hostCpus: number | null = null): number | null {
  if (prev.cpuTotal === null || cur.cpuTotal === null) return null;
  const cpuDelta = cur.cpuTotal - prev.cpuTotal;
  if (cpuDelta < 0) return null;
  if (cur.windowsProcs !== null) {
    const intervals = ((cur.at - prev.at) * 1e4) * cur.windowsProcs; // ms → 100 ns units
    return intervals > 0 ? (cpuDelta / intervals) * 100 : null;
  }
  if (prev.systemCpu === null || cur.systemCpu === null) return null;
  const systemDelta = cur.systemCpu - prev.systemCpu;
  if (systemDelta <= 0) return null;
  return (cpuDelta / systemDelta) * (cur.onlineCpus ?? hostCpus ?? 1) * 100;
}

/** Bytes per second between two cumulative counters; null across a reset or without time between. */
function rate(prev: number | null, cur: number | null, seconds: number): number | null {
  if (prev === null || cur === null || seconds <= 0 || cur < prev) return null;
  return (cur - prev) / seconds;
}

/**
 * The limit worth drawing: the engine reports the host's memory (or a huge number on
 * cgroup v2 and Podman) when a container has no limit of its own.
 */
export function ownMemoryLimit(raw: number | null, hostMemoryBytes: number | null): number | null {
  if (raw === null || raw <= 0 || raw >= 2 ** 60) return null;
  if (hostMemoryBytes !== null && raw >= hostMemoryBytes) return null;
  return raw;
}

/**
 * One sample: CPU and rates against `prev` (the collector's previous reading, or the
 * engine's own `precpu_stats`), memory and PIDs as read now.
 */
export function toSample(
  prev: StatsReading | null,
  cur: StatsReading,
  receivedAt: number,
  host: { cpus: number | null; memoryBytes: number | null },
): StatsSample {
  const seconds = prev ? (cur.at - prev.at) / 1000 : 0;
  return {
    t: receivedAt,
    cpuPercent: prev ? cpuPercentBetween(prev, cur, host.cpus) : null,
    memoryBytes: cur.memoryBytes,
    memoryLimitBytes: ownMemoryLimit(cur.memoryLimitRaw, host.memoryBytes),
    netRxRate: prev ? rate(prev.netRx, cur.netRx, seconds) : null,
    netTxRate: prev ? rate(prev.netTx, cur.netTx, seconds) : null,
    blockReadRate: prev ? rate(prev.blockRead, cur.blockRead, seconds) : null,
    blockWriteRate: prev ? rate(prev.blockWrite, cur.blockWrite, seconds) : null,
    pids: cur.pids,
  };
}
