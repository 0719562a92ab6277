import type { ApiHandlers } from '../../../src-common/index';

/** What the canned terminal stream did, for flow-control assertions. */
export interface CannedTerminalStats {
  sentBytes: number;
  pauses: number;
  resumes: number;
}

/**
 * A terminal stream without an engine: command "echo" echoes its input back as bytes;
 * command "flood:<bytes>" writes 64 KB chunks as fast as flow control lets it, pausing
 * when told the consumer is behind and resuming on drain, until <bytes> were sent.
 */
export function createCannedTerminal(stats: CannedTerminalStats) {
  const calls = {
    'terminal.resize': async () => null,
  } satisfies Partial<ApiHandlers['calls']>;
  const streams = {
    'terminal.session': (args, sink) => {
      sink.next({ kind: 'started', sessionId: 'canned', tty: true });
      sink.onInput((bytes) => sink.next(new Uint8Array(bytes)));
      const flood = /^flood:(\d+)$/.exec(args.command);
      if (!flood) return () => undefined;
      const total = Number(flood[1]);
      const chunk = new Uint8Array(64 * 1024).fill(0x79);
      let stopped = false;
      const pump = () => {
        while (!stopped && stats.sentBytes < total) {
          stats.sentBytes += chunk.byteLength;
          if (!sink.next(chunk)) {
            stats.pauses++;
            return;
          }
        }
        if (!stopped && stats.sentBytes >= total) {
          sink.next({ kind: 'ended', how: 'exited', exitCode: 0, containerRunning: true });
          sink.end({ reason: 'complete' });
        }
      };
      sink.onDrain(() => {
        stats.resumes++;
        pump();
      });
      setImmediate(pump);
      return () => {
        stopped = true;
      };
    },
  } satisfies Partial<ApiHandlers['streams']>;
  return { calls, streams };
}
