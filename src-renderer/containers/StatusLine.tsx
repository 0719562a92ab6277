import { statusChangesAt, statusText, type StatusFacts } from '../../src-common/container-status';
import { useTimeText } from '../shell/clock';
import { useFullDatesReady } from '../shared/use-full-dates-ready';
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

/**
 * "3 minutes ago" for a Unix-seconds time, re-read once a minute (only this cell re-renders).
 * The full date in its title comes once the first screen has drawn: it needs the locale's
 * date data, which the first screen does without (see shared/locale-formats.ts).
 */
export function RelativeTime({ seconds }: { seconds: number }) {
  const fullDates = useFullDatesReady();
  const text = useTimeText(
    (now) => formatRelativeTime(seconds, now),
    (now) => now + MINUTE - ((now - seconds * 1000) % MINUTE),
  );
  return (
    <time dateTime={new Date(seconds * 1000).toISOString()} title={fullDates ? formatFullDate(seconds) : undefined}>
      {text}
    </time>
  );
}
