import { memo } from 'react';
import type { ActivityEntry } from '../../src-common/models/activity';
import { Badge, type Tone } from '../ui/Badge';
import { describeEvent } from './activity-words';
import { activityStrings as t } from './strings';

const TONES: Record<ActivityEntry['type'], Tone> = { container: 'accent', image: 'info', volume: 'success', network: 'warning', engine: 'neutral' };

const sameDay = (a: Date, b: Date) => a.toDateString() === b.toDateString();

function timeText(time: number): string {
  const d = new Date(time);
  return sameDay(d, new Date()) ? d.toLocaleTimeString() : d.toLocaleString();
}

/** One event: when, what kind of object, and the event in words, linked to its object while it exists. */
export const ActivityRow = memo(function ActivityRow({ entry, href }: { entry: ActivityEntry; href: string | null }) {
  const words = describeEvent(entry);
  return (
    <>
      <time className="activity-time" dateTime={new Date(entry.time).toISOString()}>
        {timeText(entry.time)}
      </time>
      <Badge tone={TONES[entry.type]} className="activity-type">
        {t.typeWord[entry.type]}
      </Badge>
      {href ? (
        <a className="activity-words ui-truncate" href={href} title={words}>
          {words}
        </a>
      ) : (
        <span className="activity-words ui-truncate" title={words}>
          {words}
        </span>
      )}
    </>
  );
});
