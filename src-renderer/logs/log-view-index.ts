import type { LogBuffer } from './log-buffer';
import { createMatcher, lineMatches, visibleText } from './log-query';

export interface ViewOptions {
  query: string;
  /** Show only lines that match the query. */
  filterOnly: boolean;
  /** Source indexes whose lines are hidden (compose projects). */
  hidden: ReadonlySet<number>;
}

/**
 * The lines a view shows and the search matches among them, kept up to date
 * incrementally: each update scans only lines that arrived since the last one and
 * forgets lines the buffer dropped. Options changing means one full rescan.
 */
export class ViewIndex {
  /** Sequence numbers of matching lines (among the shown ones), oldest first. */
  matches: number[] = [];
  private matchHead = 0;
  /** Sequence numbers of shown lines, when some are hidden (filter or container toggles). */
  private shown: number[] = [];
  private shownHead = 0;
  private scanned = 0;
  private matcher: RegExp | null = null;
  private options: ViewOptions | null = null;
  private cleared = -1;

  /** Brings the index up to `end` (exclusive) under `options`. */
  update(buffer: LogBuffer, options: ViewOptions, end: number, clearCount: number): void {
    const o = this.options;
    if (!o || o.query !== options.query || o.filterOnly !== options.filterOnly || o.hidden !== options.hidden || clearCount !== this.cleared) {
      this.options = options;
      this.cleared = clearCount;
      this.matcher = createMatcher(options.query);
      this.matches = [];
      this.matchHead = 0;
      this.shown = [];
      this.shownHead = 0;
      this.scanned = buffer.first;
    }
    const first = buffer.first;
    if (this.scanned < first) this.scanned = first;
    const filtering = this.filtering;
    const hidden = options.hidden;
    const matcher = this.matcher;
    for (let seq = this.scanned; seq < end; seq++) {
      if (hidden.size > 0 && hidden.has(buffer.sourceOf(seq))) continue;
      const matched = matcher !== null && lineMatches(matcher, visibleText(buffer.line(seq)));
      if (matched) this.matches.push(seq);
      if (filtering && (matched || !options.filterOnly || matcher === null)) this.shown.push(seq);
    }
    this.scanned = Math.max(this.scanned, end);
    while (this.matchHead < this.matches.length && this.matches[this.matchHead]! < first) this.matchHead++;
    while (this.shownHead < this.shown.length && this.shown[this.shownHead]! < first) this.shownHead++;
    // Compact now and then so dropped lines do not pile up at the front.
    if (this.matchHead > 4096) {
      this.matches = this.matches.slice(this.matchHead);
      this.matchHead = 0;
    }
    if (this.shownHead > 4096) {
      this.shown = this.shown.slice(this.shownHead);
      this.shownHead = 0;
    }
  }

  /** Whether the view shows a subset (then rows map through `shown`). */
  get filtering(): boolean {
    const o = this.options;
    return o !== null && ((o.filterOnly && o.query !== '') || o.hidden.size > 0);
  }

  get matchCount(): number {
    return this.matches.length - this.matchHead;
  }
  matchAt(i: number): number {
    return this.matches[this.matchHead + i]!;
  }
  /**
   * The match a find-as-you-type lands on: the first at or after `seq` (what is on screen,
   * or the match the shorter query had), wrapping to the first, as a browser's find does.
   * -1 without matches.
   */
  nearestMatch(seq: number): number {
    const count = this.matchCount;
    if (count === 0) return -1;
    let lo = 0;
    let hi = count;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.matchAt(mid) < seq) lo = mid + 1;
      else hi = mid;
    }
    return lo < count ? lo : 0;
  }

  rowCount(buffer: LogBuffer, end: number): number {
    return this.filtering ? this.shown.length - this.shownHead : Math.max(0, end - buffer.first);
  }
  seqAt(buffer: LogBuffer, row: number): number {
    return this.filtering ? this.shown[this.shownHead + row]! : buffer.first + row;
  }
  /** The row showing `seq`, or -1. */
  rowOf(buffer: LogBuffer, seq: number): number {
    if (!this.filtering) return buffer.has(seq) ? seq - buffer.first : -1;
    let lo = this.shownHead;
    let hi = this.shown.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const v = this.shown[mid]!;
      if (v === seq) return mid - this.shownHead;
      if (v < seq) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }
}
