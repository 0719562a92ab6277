import {
  STATS_FIELDS,
  STATS_HISTORY_MS,
  STATS_INTERVAL_MS,
  type StatsHistory,
  type StatsSample,
} from '../../../src-common/models/stats';

/** 15 minutes at one sample per 2 s, and some slack for ticks that come a little early. */
export const HISTORY_CAPACITY = Math.ceil(STATS_HISTORY_MS / STATS_INTERVAL_MS) + 30;
/** The time plus one column per field. */
const COLUMNS = 1 + STATS_FIELDS.length;
/** Bytes one container's history takes: 480 × 9 × 8 = 34,560. */
export const HISTORY_BYTES = HISTORY_CAPACITY * COLUMNS * Float64Array.BYTES_PER_ELEMENT;

export function emptyHistory(): StatsHistory {
  const out = { t: [] as number[] } as StatsHistory;
  for (const field of STATS_FIELDS) out[field] = [];
  return out;
}

/**
 * One container's readings of the last 15 minutes in one preallocated Float64Array
 * (row-major: time, then the fields; NaN for "unknown"), so keeping it costs no
 * allocation per sample and a fixed 34.5 KB, however long Berth runs.
 */
export class StatsRing {
  private readonly data = new Float64Array(HISTORY_CAPACITY * COLUMNS);
  private start = 0;
  private length = 0;

  push(sample: StatsSample): void {
    const slot = (this.start + this.length) % HISTORY_CAPACITY;
    const base = slot * COLUMNS;
    this.data[base] = sample.t;
    STATS_FIELDS.forEach((field, i) => {
      this.data[base + 1 + i] = sample[field] ?? Number.NaN;
    });
    if (this.length < HISTORY_CAPACITY) this.length += 1;
    else this.start = (this.start + 1) % HISTORY_CAPACITY;
  }

  get size(): number {
    return this.length;
  }

  /** The readings newer than `now - STATS_HISTORY_MS`, oldest first, one array per field. */
  toColumns(now: number): StatsHistory {
    const from = now - STATS_HISTORY_MS;
    const out = emptyHistory();
    for (let k = 0; k < this.length; k++) {
      const base = ((this.start + k) % HISTORY_CAPACITY) * COLUMNS;
      const t = this.data[base] as number;
      if (t < from) continue;
      out.t.push(t);
      STATS_FIELDS.forEach((field, i) => {
        const v = this.data[base + 1 + i] as number;
        out[field].push(Number.isNaN(v) ? null : v);
      });
    }
    return out;
  }
}

/**
 * The histories of the containers someone looked at, at most `maxContainers` of them
 * (the least recently written go first), so a long session over thousands of short-lived
 * containers stays bounded: 256 × 34.5 KB ≈ 8.8 MB at most. Removed containers are
 * dropped at once (the watcher says so).
 */
export class StatsHistoryStore {
  private readonly rings = new Map<string, StatsRing>();

  constructor(private readonly maxContainers = 256) {}

  push(id: string, sample: StatsSample): void {
    let ring = this.rings.get(id);
    if (ring) this.rings.delete(id); // re-inserted below: Map order is recency
    else ring = new StatsRing();
    ring.push(sample);
    this.rings.set(id, ring);
    if (this.rings.size > this.maxContainers) {
      const oldest = this.rings.keys().next().value;
      if (oldest !== undefined) this.rings.delete(oldest);
    }
  }

  columns(id: string, now: number): StatsHistory {
    return this.rings.get(id)?.toColumns(now) ?? emptyHistory();
  }

  drop(id: string): void {
    this.rings.delete(id);
  }

  get containers(): number {
    return this.rings.size;
  }

  clear(): void {
    this.rings.clear();
  }
}
