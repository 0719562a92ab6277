// The engine's log timestamps are RFC 3339 in UTC with up to nine fraction digits.
const LINE_TIMESTAMP = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d{1,9}))?Z /;
const NANOS_PER_SECOND = 1_000_000_000n;

/**
 * The `since` value (seconds.nanoseconds) one nanosecond after the timestamp a log line
 * starts with, so a reopened stream continues right after that line: the engine's
 * `since` is inclusive. Null when the line has no timestamp.
 */
export function sinceAfterLine(line: string): string | null {
  const at = lineTimestampNanos(line);
  return at === null ? null : unixSeconds(at + 1n);
}

/**
 * The `until` value one nanosecond before the line's timestamp: `until` is inclusive
 * too, so a stream with it ends right before that line. Null without a timestamp.
 */
export function untilBeforeLine(line: string): string | null {
  const at = lineTimestampNanos(line);
  return at === null ? null : unixSeconds(at - 1n);
}

/**
 * Whether a line's timestamp can tell lines of the same second apart: true with fraction
 * digits (Docker always prints nine), false without (Podman 4.x's Docker-compatible logs
 * endpoint prints whole seconds, though it filters `since`/`until` on the full time), null
 * when the line has no timestamp.
 */
export function lineTimestampHasFraction(line: string): boolean | null {
  const m = LINE_TIMESTAMP.exec(line);
  return m ? m[2] !== undefined : null;
}

/**
 * The timestamp and its space ("2026-12-02T12:59:55Z ") when it is whole seconds, else null.
 * Lines that print the same whole second cannot be told apart by `since`: a reopened
 * stream then starts at that second and skips the lines of it already shown
 * (log-reopen-point.ts).
 */
export function wholeSecondStamp(line: string): string | null {
  const m = LINE_TIMESTAMP.exec(line);
  return m && m[2] === undefined ? m[0] : null;
}

/** The `since` value of the line's own timestamp (inclusive: the line itself comes again). */
export function sinceLine(line: string): string | null {
  const at = lineTimestampNanos(line);
  return at === null ? null : unixSeconds(at);
}

/** Nanoseconds since the epoch; they do not fit a double, hence BigInt. */
function lineTimestampNanos(line: string): bigint | null {
  const m = LINE_TIMESTAMP.exec(line);
  if (!m) return null;
  const seconds = Date.parse(`${m[1]}Z`) / 1000;
  if (!Number.isFinite(seconds)) return null;
  return BigInt(seconds) * NANOS_PER_SECOND + BigInt((m[2] ?? '').padEnd(9, '0'));
}

const unixSeconds = (nanos: bigint) =>
  `${nanos / NANOS_PER_SECOND}.${(nanos % NANOS_PER_SECOND).toString().padStart(9, '0')}`;
