/** Per-line flags kept beside the text. */
export const STDERR = 1;
/** The line continues the one before: a line longer than main's limit was cut there. */
export const CONTINUED = 2;

/**
 * The log view's lines: a ring buffer of at most `capacity` lines that drops the oldest
 * and counts what it dropped. Lines live here, outside React and the store; the view
 * reads them by sequence number (0 for the first line since the last clear).
 */
export class LogBuffer {
  private lines: string[];
  private flags: Uint8Array;
  private sources: Uint16Array;
  private head = 0;
  private size = 0;
  /** Lines appended since the last clear: the next line's sequence number. */
  total = 0;
  /** Lines dropped because the buffer was full (since the last clear). */
  dropped = 0;
  /**
   * Older history lines main counted but never sent, since they would only have been
   * dropped here. They count as received and dropped, outside the sequence numbers.
   */
  skipped = 0;

  constructor(private cap: number) {
    this.lines = new Array<string>(cap);
    this.flags = new Uint8Array(cap);
    this.sources = new Uint16Array(cap);
  }

  get capacity(): number {
    return this.cap;
  }
  get length(): number {
    return this.size;
  }
  /** Lines received since the last clear, counting those main skipped. */
  get received(): number {
    return this.total + this.skipped;
  }
  /** Older lines not kept: dropped here, or skipped by main before they were sent. */
  get notKept(): number {
    return this.dropped + this.skipped;
  }
  /** Sequence number of the oldest line kept. */
  get first(): number {
    return this.total - this.size;
  }

  push(line: string, flags: number, source: number): void {
    let slot: number;
    if (this.size < this.cap) {
      slot = (this.head + this.size) % this.cap;
      this.size++;
    } else {
      slot = this.head;
      this.head = (this.head + 1) % this.cap;
      this.dropped++;
    }
    this.lines[slot] = line;
    this.flags[slot] = flags;
    this.sources[slot] = source;
    this.total++;
  }

  has(seq: number): boolean {
    return seq >= this.first && seq < this.total;
  }

  private slot(seq: number): number {
    return (this.head + (seq - this.first)) % this.cap;
  }

  line(seq: number): string {
    return this.lines[this.slot(seq)]!;
  }
  flagsOf(seq: number): number {
    return this.flags[this.slot(seq)]!;
  }
  sourceOf(seq: number): number {
    return this.sources[this.slot(seq)]!;
  }

  clear(): void {
    this.lines = new Array<string>(this.cap);
    this.head = 0;
    this.size = 0;
    this.total = 0;
    this.dropped = 0;
    this.skipped = 0;
  }

  /** A new limit; the newest lines are kept. */
  setCapacity(cap: number): void {
    if (cap === this.cap) return;
    const keep = Math.min(this.size, cap);
    const start = this.total - keep;
    const lines = new Array<string>(cap);
    const flags = new Uint8Array(cap);
    const sources = new Uint16Array(cap);
    for (let i = 0; i < keep; i++) {
      lines[i] = this.line(start + i);
      flags[i] = this.flagsOf(start + i);
      sources[i] = this.sourceOf(start + i);
    }
    this.dropped += this.size - keep;
    this.lines = lines;
    this.flags = flags;
    this.sources = sources;
    this.cap = cap;
    this.head = 0;
    this.size = keep;
  }
}

/** Where the text of a stored line starts: after the engine's timestamp and its space. */
export function textStart(line: string): number {
  // "2024-05-01T10:00:00.123456789Z text": cheap shape check, then the space.
  if (line.length < 21 || line.charCodeAt(4) !== 45 || line.charCodeAt(10) !== 84) return 0;
  const space = line.indexOf(' ', 19);
  return space < 0 ? line.length : space + 1;
}

/** The engine's timestamp of a stored line, or "" when it has none. */
export function timestampOf(line: string): string {
  const start = textStart(line);
  return start === 0 ? '' : line.slice(0, start - 1);
}
