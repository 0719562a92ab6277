import { fullDateFormat, relativeTimeFormat, type RelativeTimeFormatter } from '../shared/locale-formats';

const UNITS: [Parameters<RelativeTimeFormatter['format']>[1], number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

/** "3 minutes ago" for a Unix-seconds timestamp; anything under a minute is "now". */
export function formatRelativeTime(unixSeconds: number, nowMs: number, format = relativeTimeFormat()): string {
  const diff = Math.round(nowMs / 1000 - unixSeconds);
  const abs = Math.abs(diff);
  for (const [unit, seconds] of UNITS) {
    if (abs >= seconds) return format.format(-Math.trunc(diff / seconds), unit);
  }
  return format.format(0, 'second');
}

/** The full date for a title attribute. */
export const formatFullDate = (unixSeconds: number): string => fullDateFormat().format(unixSeconds * 1000);

export { formatBytes } from '../../src-common/usage-format';
