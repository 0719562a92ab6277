import type { StreamEnd } from '../../src-common/contract/streams';
import type { LogChunk, LogLinesChunk, LogSource, LogTail, LogTarget } from '../../src-common/models/logs';
import { decodeLogLines } from '../../src-common/logs-codec';
import { CONTINUED, LogBuffer, STDERR } from './log-buffer';

export type SubscribeLogs = (
  args: { target: LogTarget; tail: LogTail; keep?: number },
  onChunk: (chunk: LogChunk) => void,
  onEnd: (end: StreamEnd) => void,
) => () => void;

export type LogPhase = 'loading' | 'live' | 'ended';

const FLOOD_LINES = 300;
const FLOOD_INTERVAL_MS = 100;

/**
 * One open log stream and the lines it brought, kept in a ring buffer outside React
 * and the store. Views read the buffer directly; `subscribe` tells them something
 * changed at most once per animation frame, however many batches arrived.
 */
export class LogSession {
  readonly buffer: LogBuffer;
  sources: LogSource[] = [];
  /** Source index (stored with each line) → container id, in order of first appearance. */
  readonly sourceIds: string[] = [];
  phase: LogPhase = 'loading';
  error: string | null = null;
  /** Bumped on every change; views use it as their snapshot. */
  version = 0;

  private readonly sourceIndex = new Map<string, number>();
  private readonly listeners = new Set<() => void>();
  private scheduled = false;
  private lastNotify = -Infinity;
  private linesSinceNotify = 0;
  /** Lines that arrived between the last two notifications. */
  private lastIntervalLines = 0;
  private unsubscribe: (() => void) | null = null;
  private cleared = false;

  constructor(
    private readonly subscribeLogs: SubscribeLogs,
    readonly target: LogTarget,
    readonly tail: LogTail,
    capacity: number,
    private readonly schedule: (fn: () => void) => void = (fn) => requestAnimationFrame(() => fn()),
    private readonly now: () => number = () => performance.now(),
    private readonly delay: (fn: () => void, ms: number) => void = (fn, ms) => setTimeout(fn, ms),
  ) {
    this.buffer = new LogBuffer(capacity);
  }

  start(): void {
    if (this.unsubscribe) return;
    this.unsubscribe = this.subscribeLogs(
      // `keep`: main sends no more history than the buffer keeps and counts the rest (log-history-count.ts).
      { target: this.target, tail: this.tail, keep: this.buffer.capacity },
      (chunk) => this.receive(chunk),
      (end) => this.ended(end),
    );
  }

  dispose(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.listeners.clear();
  }

  /** Index of a container in `sourceIds`, added on first sight. */
  indexOf(id: string): number {
    let index = this.sourceIndex.get(id);
    if (index === undefined) {
      index = this.sourceIds.length;
      this.sourceIds.push(id);
      this.sourceIndex.set(id, index);
    }
    return index;
  }

  sourceAt(index: number): LogSource | undefined {
    const id = this.sourceIds[index];
    return id === undefined ? undefined : this.sources.find((s) => s.id === id);
  }

  private readonly decoder = new TextDecoder();

  receive(incoming: LogChunk | LogLinesChunk): void {
    const chunk = incoming instanceof Uint8Array ? decodeLogLines(incoming, this.decoder) : incoming;
    if (!chunk) return;
    if (chunk.kind === 'sources') {
      this.sources = chunk.sources;
      for (const s of chunk.sources) this.indexOf(s.id);
    } else if (chunk.kind === 'skipped') {
      // Counts of lines older than the first one sent; after a clear they are moot.
      if (!this.cleared) this.buffer.skipped += chunk.count;
    } else {
      const source = this.indexOf(chunk.container);
      const lines = chunk.count === 1 ? [chunk.text] : chunk.text.split('\n');
      const ranges = chunk.stderr;
      const cont = chunk.continued ?? [];
      let r = 0;
      let c = 0;
      const buffer = this.buffer;
      for (let i = 0; i < lines.length; i++) {
        while (r < ranges.length && i >= ranges[r]! + ranges[r + 1]!) r += 2;
        while (c < cont.length && i >= cont[c]! + cont[c + 1]!) c += 2;
        const err = r < ranges.length && i >= ranges[r]!;
        const continued = c < cont.length && i >= cont[c]!;
        buffer.push(lines[i]!, (err ? STDERR : 0) | (continued ? CONTINUED : 0), source);
      }
      this.linesSinceNotify += lines.length;
    }
    if (this.phase === 'loading') this.phase = 'live';
    this.changed();
  }

  private ended(end: StreamEnd): void {
    this.phase = 'ended';
    if (end.reason === 'error') this.error = end.error?.message ?? 'unknown error';
    this.changed();
  }

  clear(): void {
    this.cleared = true;
    this.buffer.clear();
    this.changed();
  }

  setCapacity(capacity: number): void {
    this.buffer.setCapacity(capacity);
    this.changed();
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getVersion = (): number => this.version;

  /**
   * Views hear of changes on the next animation frame; during a flood (more than
   * FLOOD_LINES lines since the last notification, or between the two before) at most
   * every FLOOD_INTERVAL_MS, which nobody can
   * read faster anyway and which leaves the main thread (and the CPU the engine and
   * the server share) to taking lines in.
   */
  private changed(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    const fire = () => {
      this.scheduled = false;
      this.lastNotify = this.now();
      this.lastIntervalLines = this.linesSinceNotify;
      this.linesSinceNotify = 0;
      this.version++;
      for (const l of [...this.listeners]) l();
    };
    const flood = this.linesSinceNotify > FLOOD_LINES || this.lastIntervalLines > FLOOD_LINES;
    const wait = flood ? this.lastNotify + FLOOD_INTERVAL_MS - this.now() : 0;
    if (wait > 0) this.delay(() => this.schedule(fire), wait);
    else this.schedule(fire);
  }
}
