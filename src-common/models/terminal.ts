import { z } from 'zod';

export const TerminalMode = z.enum(['exec', 'attach']);
export type TerminalMode = z.infer<typeof TerminalMode>;

export const TerminalSize = z.object({
  cols: z.number().int().min(1).max(1000),
  rows: z.number().int().min(1).max(1000),
});
export type TerminalSize = z.infer<typeof TerminalSize>;

/** Opening a terminal: an exec session with a TTY, or an attach to the container's main process. */
export const TerminalOpenArgs = z
  .object({
    containerId: z.string().min(1).max(200),
    mode: TerminalMode,
    /** exec only: the command line to run; empty means bash when the container has it, else sh. */
    command: z.string().max(1000).default(''),
  })
  .extend(TerminalSize.shape)
  .strict();

/**
 * What a terminal stream sends: raw output bytes (binary on the wire), once a `started`
 * (the session id that terminal.resize takes), and once an `ended` just before the stream completes.
 */
export const TerminalChunk = z.union([
  z.custom<Uint8Array>((v) => v instanceof Uint8Array, "bytes"),
  z.object({ kind: z.literal('started'), sessionId: z.string(), tty: z.boolean() }),
  z.object({
    kind: z.literal('ended'),
    /** exited: the process ended (code when known); detached: attach left the container running. */
    how: z.enum(['exited', 'detached']),
    exitCode: z.number().int().nullable(),
    /** Whether the container is still running afterwards. */
    containerRunning: z.boolean(),
  }),
]);
export type TerminalChunk = z.infer<typeof TerminalChunk>;
export type TerminalEvent = Exclude<TerminalChunk, Uint8Array>;
