import { statusChangesAt, statusText, type StatusFacts } from '../../src-common/container-status';
import { useTimeText } from '../shell/clock';
import { formatFullDate, formatRelativeTime } from './format';

/** The status line as `docker ps` would print it now, kept current by the shared clock. */
export function useStatusLine(facts: StatusFacts): string {
  return useTimeText(
    (now) => statusText(facts, now),
    (now) => statusChangesAt(facts, now),
  );
}

export function StatusLine({ facts, className }: { facts: StatusFacts; className?: string }) {
  const text = useStatusLine(facts);
  return (
    <span className={className} title={text}>
      {text}
    </span>
  );
}

const MINUTE = 60_000;

/** "3 minutes ago" for a Unix-seconds time, re-read once a minute (only this cell re-renders). */
export function RelativeTime({ seconds }: { seconds: number }) {
  const text = useTimeText(
    (now) => formatRelativeTime(seconds, now),
    (now) => now + MINUTE - ((now - seconds * 1000) % MINUTE),
  );
  return (
    <time dateTime={new Date(seconds * 1000).toISOString()} title={formatFullDate(seconds)}>
      {text}
    </time>
  );
}
