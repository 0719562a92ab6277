// The engine's log timestamps are RFC 3339 in UTC with up to nine fraction digits.
const LINE_TIMESTAMP = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d{1,9}))?Z /;

/**
 * The `since` value (seconds.nanoseconds) one nanosecond after the timestamp a log line
 * starts with, so a reopened stream continues right after that line: the engine's
 * `since` is inclusive. Null when the line has no timestamp. Nanoseconds do not fit a
 * double, hence BigInt.
 */
export function sinceAfterLine(line: string): string | null {
  const m = LINE_TIMESTAMP.exec(line);
  if (!m) return null;
  const seconds = Date.parse(`${m[1]}Z`) / 1000;
  if (!Number.isFinite(seconds)) return null;
  const nanos = BigInt((m[2] ?? '').padEnd(9, '0'));
  const total = BigInt(seconds) * 1_000_000_000n + nanos + 1n;
  const whole = total / 1_000_000_000n;
  const frac = (total % 1_000_000_000n).toString().padStart(9, '0');
  return `${whole}.${frac}`;
}
