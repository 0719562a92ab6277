import type { LineBatch } from './logs-batcher';

/**
 * The newest `keep` lines of a log's history, as whole batches, while the history is
 * read. The view keeps at most `keep` lines and drops the oldest, so lines older than
 * that are counted here (`takeSkipped`) instead of crossing to the renderer only to be
 * dropped there: a million-line log read with "all" sends the newest 100,000.
 *
 * Batches are evicted whole, so up to one batch more than `keep` lines can be kept;
 * the view drops those few. A byte bound stops a log of giant lines from filling main.
 */
export interface LogHistoryWindow {
  add(batch: LineBatch): void;
  /** Lines evicted since the last call. */
  takeSkipped(): number;
  /** The kept batches, oldest first; the window is empty afterwards. */
  drain(): LineBatch[];
}

export const HISTORY_MAX_BYTES = 256 * 1024 * 1024;

export function createLogHistoryWindow(keep: number, maxBytes = HISTORY_MAX_BYTES): LogHistoryWindow {
  let batches: LineBatch[] = [];
  /** Index of the oldest kept batch: evicting moves it instead of shifting the array. */
  let head = 0;
  let lines = 0;
  let bytes = 0;
  let skipped = 0;

  const evictOldest = () => {
    const oldest = batches[head]!;
    batches[head] = undefined as unknown as LineBatch;
    head++;
    lines -= oldest.count;
    bytes -= oldest.text.length;
    skipped += oldest.count;
    if (head > 1024 && head * 2 > batches.length) {
      batches = batches.slice(head);
      head = 0;
    }
  };

  return {
    add(batch) {
      batches.push(batch);
      lines += batch.count;
      bytes += batch.text.length;
      while (batches.length - head > 1) {
        const oldest = batches[head]!;
        if (lines - oldest.count < keep && bytes <= maxBytes) break;
        evictOldest();
      }
    },
    takeSkipped() {
      const n = skipped;
      skipped = 0;
      return n;
    },
    drain() {
      const kept = batches.slice(head);
      batches = [];
      head = 0;
      lines = 0;
      bytes = 0;
      return kept;
    },
  };
}
