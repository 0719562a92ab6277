import { z } from 'zod';

/** The kinds of objects the activity log follows; `engine` marks Berth's own notes (a reconnect). */
export const ActivityObjectType = z.enum(['container', 'image', 'volume', 'network', 'engine']);
export type ActivityObjectType = z.infer<typeof ActivityObjectType>;

/** One engine event as the activity page shows it. Built from the event alone: no engine request. */
export const ActivityEntry = z.object({
  /** Increasing per Berth process: the order and the list key. */
  seq: z.number().int().nonnegative(),
  /** Milliseconds since the epoch, from the event's timeNano. */
  time: z.number(),
  type: ActivityObjectType,
  /** The engine's action ("start", "die", "tag", "connect", "health_status: healthy"); "reconnected" for engine notes. */
  action: z.string(),
  /** The object's id as the event names it (an image event may name a reference instead). */
  id: z.string(),
  /** The object's name at the time: the event's own, else what Berth knew of the id. */
  name: z.string(),
  /**
   * The event's attributes that say more: exitCode, signal, image, container (id) and
   * containerName for network and volume events, oldName, driver. Labels are left out.
   */
  details: z.record(z.string(), z.string()),
});
export type ActivityEntry = z.infer<typeof ActivityEntry>;

export const ActivityChunk = z.discriminatedUnion('kind', [
  /** Start again from empty: sent first; the snapshot then follows as `events` chunks. */
  z.object({ kind: z.literal('reset'), capacity: z.number().int().positive() }),
  /** Entries in the order they happened (oldest first). */
  z.object({ kind: z.literal('events'), entries: z.array(ActivityEntry) }),
]);
export type ActivityChunk = z.infer<typeof ActivityChunk>;
