import type { activityStreams } from '../../src-common/contract/activity';
import type { FeatureHandlers } from '../../src-common/contract/handlers';
import type { ActivityEntry } from '../../src-common/models/activity';
import { ACTIVITY_CAPACITY, createActivityLog } from '../engine/activity/activity-log';
import type { Engine } from '../engine/index';

/** Entries per chunk of the snapshot: 5,000 entries in one message would pass the 1 MiB wire limit. */
export const SNAPSHOT_BATCH = 500;

/**
 * The activity log lives as long as the handlers (made before the engine starts), so it
 * holds the events since Berth first connected. Live entries leave in one chunk per
 * event-loop turn: a burst (a compose project starting) is one message, not hundreds.
 */
export function createActivityHandlers(engine: Engine): FeatureHandlers<Record<string, never>, typeof activityStreams> {
  const containerName = (id: string) => engine.watcher.current()?.find((c) => c.id === id)?.name;
  const log = createActivityLog({ events: engine.events, containerName });
  return {
    calls: {},
    streams: {
      'activity.events': (_args, sink) => {
        const send = (entries: ActivityEntry[]) => {
          for (let i = 0; i < entries.length; i += SNAPSHOT_BATCH) sink.next({ kind: 'events', entries: entries.slice(i, i + SNAPSHOT_BATCH) });
        };
        sink.next({ kind: 'reset', capacity: ACTIVITY_CAPACITY });
        send(log.entries());
        let queued: ActivityEntry[] = [];
        let scheduled: NodeJS.Immediate | null = null;
        const flush = () => {
          scheduled = null;
          const entries = queued;
          queued = [];
          send(entries);
        };
        const unsubscribe = log.subscribe((entries) => {
          queued.push(...entries);
          scheduled ??= setImmediate(flush);
        });
        return () => {
          unsubscribe();
          if (scheduled) clearImmediate(scheduled);
        };
      },
    },
  };
}
