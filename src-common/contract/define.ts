import type { z } from 'zod';

/** A request/response call between the UI and main. */
export interface CallSpec<Req extends z.ZodType = z.ZodType, Res extends z.ZodType = z.ZodType> {
  readonly doc: string;
  readonly request: Req;
  readonly response: Res;
}

/** A long-lived stream from main to the UI, opened with arguments and ended by either side. */
export interface StreamSpec<Args extends z.ZodType = z.ZodType, Chunk extends z.ZodType = z.ZodType> {
  readonly doc: string;
  readonly args: Args;
  readonly chunk: Chunk;
  /**
   * Flow-control window in bytes the UI may be behind before the producer pauses, and
   * where it resumes. Defaults suit throughput (logs); a terminal wants a small window so
   * Ctrl+C is not queued behind output nobody will read.
   */
  readonly flow?: { readonly highWater: number; readonly lowWater: number };
}

export const call = <Req extends z.ZodType, Res extends z.ZodType>(spec: CallSpec<Req, Res>) => spec;
export const stream = <Args extends z.ZodType, Chunk extends z.ZodType>(spec: StreamSpec<Args, Chunk>) => spec;
