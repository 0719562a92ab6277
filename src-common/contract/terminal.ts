import { z } from 'zod';
import { call, stream, type CallSpec, type StreamSpec } from './define';
import { TerminalChunk, TerminalOpenArgs, TerminalSize } from '../models/terminal';

// Feature contract: calls and streams of this feature, spread into calls.ts and streams.ts.
export const terminalCalls = {
  'terminal.resize': call({
    doc: "Resize a terminal session's TTY (exec or attach) to the view's size.",
    request: z.object({ sessionId: z.string().min(1).max(100) }).extend(TerminalSize.shape).strict(),
    response: z.null(),
  }),
} as const satisfies Record<string, CallSpec>;

export const terminalStreams = {
  'terminal.session': stream({
    doc:
      'A terminal on a container: output bytes down, keystrokes up as the stream\'s input (binary). ' +
      'Closing the stream ends the exec session (no process is left behind) or detaches from attach. ' +
      'Pauses the engine socket while the UI is behind (flow control).',
    args: TerminalOpenArgs,
    chunk: TerminalChunk,
    flow: { highWater: 128 * 1024, lowWater: 32 * 1024 },
  }),
} as const satisfies Record<string, StreamSpec>;
