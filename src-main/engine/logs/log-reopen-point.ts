import type { PayloadHandler } from './log-frames';
import type { LineBatch } from './logs-batcher';
import { sinceAfterLine, sinceLine, wholeSecondStamp } from './logs-time';

const NEWLINE = 0x0a;

/** Where a reopened log stream continues, from the lines a follower has sent so far. */
export interface LogReopenPoint {
  /** After every batch sent. */
  note(batch: LineBatch): void;
  /** The `since` for the next stream, or null before any line. */
  since(): string | null;
  /**
   * The payload handler for the next stream: `next` itself, or (after whole-second
   * timestamps) a filter that first drops the lines of that second already sent.
   */
  skipShown(next: PayloadHandler): PayloadHandler;
}

/**
 * Docker's timestamps have nanoseconds, so a reopened stream asks for `since` = the last
 * line + 1 ns (`since` is inclusive) and nothing repeats or goes missing.
 *
 * Podman 4.x's Docker-compatible endpoint prints whole seconds while it filters on the
 * full time, so no `since` starts between two lines of one second. There the stream
 * starts at that second and skips as many of its lines as were already sent, in the
 * engine's order; skipping stops early at a line of another second.
 */
export function createLogReopenPoint(): LogReopenPoint {
  let lastLine: string | null = null;
  /** The lines sent last that carry the same whole second (null for Docker's timestamps). */
  let secondRun: { stamp: string; lines: number } | null = null;

  return {
    note(batch) {
      lastLine = batch.lastLine;
      const stamp = wholeSecondStamp(batch.lastLine);
      if (stamp === null) {
        secondRun = null;
        return;
      }
      const n = trailingLinesWith(batch.text, stamp);
      secondRun = { stamp, lines: n === batch.count && secondRun?.stamp === stamp ? secondRun.lines + n : n };
    },
    since() {
      if (lastLine === null) return null;
      return secondRun ? sinceLine(lastLine) : sinceAfterLine(lastLine);
    },
    skipShown(next) {
      return lastLine !== null && secondRun ? skipLines(secondRun, next) : next;
    },
  };
}

function skipLines(run: { stamp: string; lines: number }, next: PayloadHandler): PayloadHandler {
  let left = run.lines;
  let atLineStart = true;
  const stamp = Buffer.from(run.stamp);
  return (s, payload) => {
    let bytes = payload;
    while (left > 0 && bytes.length > 0) {
      const head = bytes.subarray(0, Math.min(bytes.length, stamp.length));
      if (atLineStart && !stamp.subarray(0, head.length).equals(head)) {
        left = 0;
        break;
      }
      const nl = bytes.indexOf(NEWLINE);
      if (nl < 0) {
        // The rest of a skipped line comes in a later payload (its frames each carry the stamp).
        atLineStart = false;
        return;
      }
      left--;
      atLineStart = true;
      bytes = bytes.subarray(nl + 1);
    }
    if (bytes.length > 0) next(s, bytes);
  };
}

/** How many of the batch's last lines (joined by newlines) start with `stamp`. */
function trailingLinesWith(text: Uint8Array, stamp: string): number {
  const prefix = Buffer.from(stamp);
  const bytes = Buffer.from(text.buffer, text.byteOffset, text.byteLength);
  let end = bytes.length;
  if (end > 0 && bytes[end - 1] === NEWLINE) end--;
  let n = 0;
  for (;;) {
    const start = end === 0 ? 0 : bytes.lastIndexOf(NEWLINE, end - 1) + 1;
    if (!bytes.subarray(start, start + prefix.length).equals(prefix)) break;
    n++;
    if (start === 0) break;
    end = start - 1;
  }
  return n;
}
