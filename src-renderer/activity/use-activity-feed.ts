import { useSyncExternalStore } from 'react';
import { sharedStream } from '../shared/shared-stream';
import { ActivityFeed } from './activity-feed';

/** The one feed of the renderer; main keeps the history, so a reopened page gets it again with the snapshot. */
export const activityFeed = new ActivityFeed();

const useActivityStream = sharedStream('activity.events', {}, (chunk) => activityFeed.apply(chunk));

/** Subscribes while mounted and re-renders on every change; returns the feed's version. */
export function useActivityFeed(): number {
  useActivityStream();
  return useSyncExternalStore(activityFeed.subscribe, () => activityFeed.version);
}
