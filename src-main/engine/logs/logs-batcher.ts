import { Buffer } from 'node:buffer';
import type { LogStream } from './log-frames';

/** Whole lines of one container as UTF-8, joined by "\n" (see src-common/logs-codec.ts). */
export interface LineBatch {
  count: number;
  text: Uint8Array;
  /** [first index, how many] pairs of stderr lines. */
  stderr: number[];
  /** [first index, how many] pairs of lines that continue the line before (a line longer than the limit, cut). */
  continued: number[];
  /** The start of the last line (up to 64 bytes): enough for the timestamp a reopened stream continues after. */
  lastLine: string;
}

export interface LineBatcherOptions {
  onBatch: (batch: LineBatch) => void;
  /** A batch goes out once it holds this many bytes. Default 64 KiB. */
  maxBytes?: number;
  /** ...or this long after its first bytes arrived. Default 16 ms (one animation frame). */
  maxDelayMs?: number;
  /** A line longer than this is cut into pieces. Default 1 MiB. */
  maxLineBytes?: number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
}

export interface LineBatcher {
  /** Payload bytes of one stream (demultiplexed); whole lines join the current batch. */
  push(stream: LogStream, bytes: Uint8Array): void;
  /** Unfinished lines go out as they are, then the batch: the stream ended. */
  end(): void;
  /** The batch so far (whole lines) goes out now. */
  flush(): void;
  /** Drops the timer and anything pending, sending nothing. */
  dispose(): void;
}

const NEWLINE = 0x0a;
const STREAMS: readonly LogStream[] = ['stdin', 'stdout', 'stderr'];

/**
 * Turns demultiplexed log payloads into batches of whole lines without ever holding
 * one string per line, or any string: the engine sends one frame per log line, so
 * payloads are copied into a staging buffer per stream (a memcpy each) and whole lines
 * move on as bytes, to be decoded once per batch by the view. A line or a character
 * split across frames is joined there; lines too long are cut at character boundaries.
 * Lines of stdout and stderr keep the order in which they were completed.
 */
export function createLineBatcher(options: LineBatcherOptions): LineBatcher {
  const maxBytes = options.maxBytes ?? 64 * 1024;
  const maxDelayMs = options.maxDelayMs ?? 16;
  const maxLineBytes = Math.max(4, options.maxLineBytes ?? 1024 * 1024);
  const setTimer = options.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
  const clearTimer = options.clearTimer ?? ((t) => clearTimeout(t as ReturnType<typeof setTimeout>));

  const staged: Record<LogStream, Staging> = { stdin: new Staging(), stdout: new Staging(), stderr: new Staging() };
  /** The stream whose bytes were staged last: switching streams decodes the other first. */
  let current: LogStream | null = null;

  const out = new Staging();
  let count = 0;
  let stderr: number[] = [];
  let continued: number[] = [];
  let lastLineAt = 0;
  let timer: unknown = null;

  const emit = () => {
    if (timer !== null) {
      clearTimer(timer);
      timer = null;
    }
    if (count === 0) return;
    const text = Buffer.from(out.bytes.subarray(0, out.length));
    const lastLine = out.bytes.toString('utf8', lastLineAt, Math.min(out.length, lastLineAt + 64));
    const batch: LineBatch = { count, text, stderr, continued, lastLine };
    out.length = 0;
    count = 0;
    stderr = [];
    continued = [];
    lastLineAt = 0;
    options.onBatch(batch);
  };

  /** Adds `lines` lines of one stream: buf[start, end), already joined by "\n". */
  const add = (stream: LogStream, buf: Uint8Array, start: number, end: number, lines: number, cut = false) => {
    if (stream === 'stderr') addRange(stderr, count, lines);
    // The first line added after a cut continues the piece before it.
    const stage = staged[stream];
    if (stage.continues) addRange(continued, count, 1);
    stage.continues = cut;
    if (count > 0) out.append(SEPARATOR);
    const at = out.length;
    out.append(buf.subarray(start, end));
    const nl = lines > 1 ? out.bytes.lastIndexOf(NEWLINE, out.length - 1) : -1;
    lastLineAt = nl >= at ? nl + 1 : at;
    count += lines;
  };

  /** Decodes the staged whole lines of a stream (and, at the end, the unfinished one). */
  const decode = (stream: LogStream, final: boolean) => {
    const stage = staged[stream];
    if (stage.length === 0) return;
    const buf = stage.bytes;
    const last = buf.lastIndexOf(NEWLINE, stage.length - 1);
    if (last < 0) {
      if (final) decodeLines(stream, buf, 0, stage.length);
      else if (stage.length > maxLineBytes) {
        const cut = charBoundaryBefore(buf, 0, maxLineBytes);
        add(stream, buf, 0, cut, 1, true);
        stage.dropFirst(cut);
        return;
      } else return;
      stage.clear();
      return;
    }
    if (last > maxLineBytes) {
      decodeLines(stream, buf, 0, last);
    } else {
      // The common case: every line in range is short, take them all at once.
      let lines = 1;
      for (let nl = buf.indexOf(NEWLINE); nl >= 0 && nl < last; nl = buf.indexOf(NEWLINE, nl + 1)) lines++;
      add(stream, buf, 0, last, lines);
    }
    if (final && last + 1 < stage.length) decodeLines(stream, buf, last + 1, stage.length);
    stage.dropFirst(final ? stage.length : last + 1);
  };

  /** Lines in buf[start, end) one by one, cutting those longer than the limit at character boundaries. */
  const decodeLines = (stream: LogStream, buf: Buffer, start: number, end: number) => {
    let from = start;
    for (;;) {
      let nl = buf.indexOf(NEWLINE, from);
      if (nl < 0 || nl >= end) nl = end;
      let stop = nl;
      if (stop > from && buf[stop - 1] === 0x0d) stop--;
      let at = from;
      while (stop - at > maxLineBytes) {
        const cut = charBoundaryBefore(buf, at, at + maxLineBytes);
        add(stream, buf, at, cut, 1, true);
        at = cut;
      }
      add(stream, buf, at, stop, 1);
      if (nl >= end) return;
      from = nl + 1;
    }
  };

  const decodeAll = (final: boolean) => {
    // Only the stream staged last can hold whole lines (a switch decodes the one before).
    if (current) decode(current, false);
    if (final) for (const stream of STREAMS) decode(stream, true);
  };

  const flush = () => {
    decodeAll(false);
    emit();
  };

  return {
    push(stream, payload) {
      if (payload.length === 0) return;
      if (current !== null && current !== stream) decode(current, false);
      current = stream;
      const stage = staged[stream];
      stage.append(payload);
      if (out.length + stage.length >= maxBytes) flush();
      else if (timer === null) timer = setTimer(flush, maxDelayMs);
    },
    end() {
      decodeAll(true);
      emit();
    },
    flush,
    dispose() {
      if (timer !== null) clearTimer(timer);
      timer = null;
      out.clear();
      count = 0;
      for (const stream of STREAMS) {
        staged[stream].clear();
        staged[stream].continues = false;
      }
    },
  };
}

const SEPARATOR = new Uint8Array([NEWLINE]);

/** Adds `lines` lines from `first` to [first, how many] ranges, extending the last range when it ends right there. */
function addRange(ranges: number[], first: number, lines: number): void {
  const n = ranges.length;
  if (n > 0 && ranges[n - 2]! + ranges[n - 1]! === first) ranges[n - 1]! += lines;
  else ranges.push(first, lines);
}

function charBoundaryBefore(bytes: Uint8Array, from: number, to: number): number {
  let cut = to;
  while (cut > from && cut > to - 3 && (bytes[cut]! & 0xc0) === 0x80) cut--;
  return (bytes[cut]! & 0xc0) === 0x80 || cut === from ? to : cut;
}

/** Bytes of one stream waiting to be decoded: copied, since payloads may be views of reused chunks. */
class Staging {
  bytes = Buffer.allocUnsafe(4096);
  length = 0;
  /** The next line of this stream continues a line that was cut. */
  continues = false;

  append(src: Uint8Array) {
    const needed = this.length + src.length;
    if (needed > this.bytes.length) {
      const grown = Buffer.allocUnsafe(Math.max(needed, this.bytes.length * 2));
      this.bytes.copy(grown, 0, 0, this.length);
      this.bytes = grown;
    }
    this.bytes.set(src, this.length);
    this.length = needed;
  }

  dropFirst(count: number) {
    if (count >= this.length) return this.clear();
    this.bytes.copyWithin(0, count, this.length);
    this.length -= count;
  }

  clear() {
    this.length = 0;
    // Do not hold on to what a giant line grew.
    if (this.bytes.length > 256 * 1024) this.bytes = Buffer.allocUnsafe(4096);
  }
}
