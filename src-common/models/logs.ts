import { z } from 'zod';

/** How many of the latest lines to load before following: a count, or the whole log. */
export const LogTail = z.union([z.number().int().min(0).max(1_000_000), z.literal('all')]);
export type LogTail = z.infer<typeof LogTail>;

/** What a log view shows: one container, or every container of a compose project. */
export const LogTarget = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('container'), id: z.string().min(1).max(128) }),
  z.object({ kind: z.literal('project'), project: z.string().min(1).max(256) }),
]);
export type LogTarget = z.infer<typeof LogTarget>;

/**
 * A batch of whole lines of one container, in order, as the view decodes it: lines joined
 * by "\n" in one string (each starting with the engine's RFC 3339 timestamp and a
 * space), so a batch of hundreds of lines is one string, not hundreds of objects.
 */
export const LogLinesChunk = z.object({
  kind: z.literal('lines'),
  container: z.string(),
  /** Number of lines in `text` (so "" is one empty line, and no batch is empty). */
  count: z.number().int().positive(),
  text: z.string(),
  /** The stderr lines as [first index, how many] pairs; every other line is stdout. */
  stderr: z.array(z.number().int().nonnegative()),
  /** Lines that continue the line before (a line too long for one row was cut), as [first index, how many] pairs. */
  continued: z.array(z.number().int().nonnegative()).optional(),
});
export type LogLinesChunk = z.infer<typeof LogLinesChunk>;

/** Where a followed container is: its log is streaming, it stopped (waiting for a start), or it is gone. */
export const LogSourceState = z.enum(['running', 'stopped', 'removed']);
export type LogSourceState = z.infer<typeof LogSourceState>;

export const LogSource = z.object({
  id: z.string(),
  name: z.string(),
  tty: z.boolean(),
  state: LogSourceState,
});
export type LogSource = z.infer<typeof LogSource>;

export const LogSourcesChunk = z.object({ kind: z.literal('sources'), sources: z.array(LogSource) });
export type LogSourcesChunk = z.infer<typeof LogSourcesChunk>;

/**
 * Lines of a container's history that were counted but not sent, because they are older
 * than the newest `keep` lines the view asked for: it would only drop them. They count
 * as received and dropped. The counts arrive while they are made, after the kept lines.
 */
export const LogSkippedChunk = z.object({
  kind: z.literal('skipped'),
  container: z.string(),
  count: z.number().int().positive(),
});
export type LogSkippedChunk = z.infer<typeof LogSkippedChunk>;

/**
 * What the stream carries: the containers of the view and their state (sent first, then
 * whenever one changes), batches of lines as bytes (src-common/logs-codec.ts), and counts
 * of history lines not sent.
 */
export const LogChunk = z.union([
  z.custom<Uint8Array>((v) => v instanceof Uint8Array, 'encoded log lines'),
  LogSourcesChunk,
  LogSkippedChunk,
]);
export type LogChunk = z.infer<typeof LogChunk>;
