import { STATS_FIELDS, STATS_HISTORY_MS, type StatsHistory, type StatsSample } from '../../src-common/models/stats';

/**
 * A container's readings in the renderer: uPlot's column arrays (time in seconds), fed by
 * the `stats.history` stream and read by the charts directly. Samples change these
 * arrays and tell the listeners; React does not re-render per sample.
 */
export class HistoryBuffer {
  t: number[] = [];
  cols: Record<(typeof STATS_FIELDS)[number], (number | null)[]>;
  private readonly listeners = new Set<() => void>();

  constructor() {
    this.cols = Object.fromEntries(STATS_FIELDS.map((f) => [f, []])) as unknown as HistoryBuffer['cols'];
  }

  reset(history: StatsHistory): void {
    this.t = history.t.map((ms) => ms / 1000);
    for (const f of STATS_FIELDS) this.cols[f] = [...history[f]];
    this.emit();
  }

  push(sample: StatsSample): void {
    this.t.push(sample.t / 1000);
    for (const f of STATS_FIELDS) this.cols[f].push(sample[f]);
    // Keep 15 minutes, as main does.
    const from = (sample.t - STATS_HISTORY_MS) / 1000;
    let drop = 0;
    while (drop < this.t.length && (this.t[drop] ?? 0) < from) drop++;
    if (drop) {
      this.t.splice(0, drop);
      for (const f of STATS_FIELDS) this.cols[f].splice(0, drop);
    }
    this.emit();
  }

  /** A gap in the lines: the container stopped. */
  gap(atMs: number): void {
    this.t.push(atMs / 1000);
    for (const f of STATS_FIELDS) this.cols[f].push(null);
    this.emit();
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(): void {
    for (const l of this.listeners) l();
  }
}

/** The largest value since `fromSec`, or null. */
export function peak(buffer: HistoryBuffer, field: (typeof STATS_FIELDS)[number], fromSec: number): number | null {
  let best: number | null = null;
  for (let i = buffer.t.length - 1; i >= 0 && (buffer.t[i] ?? 0) >= fromSec; i--) {
    const v = buffer.cols[field][i];
    if (v !== null && v !== undefined && (best === null || v > best)) best = v;
  }
  return best;
}

/** The newest non-null value. */
export function newest(buffer: HistoryBuffer, field: (typeof STATS_FIELDS)[number]): number | null {
  const col = buffer.cols[field];
  for (let i = col.length - 1; i >= 0; i--) {
    const v = col[i];
    if (v !== null && v !== undefined) return v;
  }
  return null;
}
