import { z } from 'zod';
import { stream, type StreamSpec } from './define';
import { ActivityChunk } from '../models/activity';

// Feature contract: this feature has one stream and no calls; spread into streams.ts.

export const activityStreams = {
  'activity.events': stream({
    doc:
      "The engine's events (container, image, volume, network) as Berth kept them since it connected: a reset, " +
      'the kept entries (at most 5,000, in batches), then each new one as it happens.',
    args: z.object({}).strict(),
    chunk: ActivityChunk,
  }),
} as const satisfies Record<string, StreamSpec>;
