import { z } from 'zod';
import type { Agrees, SameShape } from '../type-agreement';
import { STREAM_END_REASONS, type StreamEnd as StreamEndType } from './wire-format';

/**
 * How a stream ended. Its own module so that the wire envelope (wire.ts) does not pull in
 * every stream's schemas: the renderer's first screen checks envelopes long before it
 * needs any feature's contract. The plain type is in wire-format.ts (zod-free).
 */
export const StreamEnd = z.object({
  reason: z.enum(STREAM_END_REASONS),
  error: z.object({ code: z.string(), message: z.string(), object: z.string().optional() }).optional(),
});
export type StreamEnd = StreamEndType;
export type StreamEndAgrees = Agrees<SameShape<z.infer<typeof StreamEnd>, StreamEndType>>;
