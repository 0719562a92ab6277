import { formatRelativeTime } from '../containers/format';

/** "12 s ago", then "3 minutes ago": how old a measurement the user asked for is. */
export function measuredAgo(measuredAtMs: number, nowMs: number): string {
  const seconds = Math.max(0, Math.round((nowMs - measuredAtMs) / 1000));
  return seconds < 60 ? `${seconds} s ago` : formatRelativeTime(measuredAtMs / 1000, nowMs);
}
