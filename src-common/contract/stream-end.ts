import { z } from 'zod';

/**
 * How a stream ended. Its own module so that the wire envelope (wire.ts) does not pull in
 * every stream's schemas: the renderer's first screen checks envelopes long before it
 * needs any feature's contract.
 */
export const StreamEnd = z.object({
  reason: z.enum(['complete', 'cancelled', 'error']),
  error: z.object({ code: z.string(), message: z.string(), object: z.string().optional() }).optional(),
});
export type StreamEnd = z.infer<typeof StreamEnd>;
