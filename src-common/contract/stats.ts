import { z } from 'zod';
import { call, stream, type CallSpec, type StreamSpec } from './define';
import { ContainerId } from '../models/container';
import { StatsHistoryChunk, StatsLiveChunk } from '../models/stats';

/** A view's own id for its `stats.live` stream, so `stats.watch` can change what it follows. */
const ViewId = z.string().regex(/^[A-Za-z0-9-]{16,64}$/, 'a random view id');
/** The rows on screen (and the members of compose groups on screen): a few dozen, never thousands. */
const WatchedIds = z.array(z.string().min(1).max(128)).max(500);

// Feature contract: calls and streams of this feature, spread into calls.ts and streams.ts.
export const statsCalls = {
  'stats.watch': call({
    doc:
      'Changes which containers a `stats.live` stream follows (the rows now on screen) and whether it ' +
      'gets the totals, without reopening it. Unknown or closed view ids are ignored.',
    request: z.object({ viewId: ViewId, ids: WatchedIds, totals: z.boolean() }).strict(),
    response: z.null(),
  }),
} as const satisfies Record<string, CallSpec>;

export const statsStreams = {
  'stats.live': stream({
    doc:
      'Resource usage of the containers a view shows, read every ~2 s while the stream is open ' +
      '(`samples`: the newest reading of each, `gone`: ones that stopped), and with `totals` the sum over ' +
      'all running containers against the host (other containers read every ~10 s). Close it, or ' +
      'watch nothing, when the view cannot be seen: nothing is collected for it then.',
    args: z.object({ viewId: ViewId, ids: WatchedIds, totals: z.boolean() }).strict(),
    chunk: StatsLiveChunk,
  }),
  'stats.history': stream({
    doc:
      "A container's kept readings (up to 15 minutes, every ~2 s while anything showed it) first, then " +
      'each new reading while the stream is open.',
    args: z.object({ id: ContainerId }).strict(),
    chunk: StatsHistoryChunk,
  }),
} as const satisfies Record<string, StreamSpec>;
