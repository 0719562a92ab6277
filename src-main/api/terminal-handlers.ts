import { ApiError } from '../../src-common/contract/errors';
import type { Caller, FeatureHandlers } from '../../src-common/contract/handlers';
import type { z } from 'zod';
import type { TerminalOpenArgs } from '../../src-common/models/terminal';
import type { DockerClient } from '../engine/connection/docker-client';
import type { terminalCalls, terminalStreams } from '../../src-common/contract/terminal';
import type { Engine } from '../engine/index';
import { openAttachSession } from '../engine/exec/attach-session';
import { openExecSession } from '../engine/exec/exec-session';
import type { TerminalSession } from '../engine/exec/exec-types';
import type { AppHost } from './app-host';
import { toErrorShape } from './dispatch';

/** Opens the engine side of a session; tests hand in a stand-in. */
export type OpenTerminalSession = (client: DockerClient, args: z.output<typeof TerminalOpenArgs>) => Promise<TerminalSession>;

const openSession: OpenTerminalSession = (client, args) =>
  args.mode === 'attach'
    ? openAttachSession(client, { containerId: args.containerId, cols: args.cols, rows: args.rows })
    : openExecSession(client, args);

/**
 * Terminal streams: the engine's hijacked socket bound to one UI stream. Output pauses
 * while the UI is behind (sink.next says false) and resumes on drain; the stream's input
 * goes to the process; cancelling the stream closes the session. A session belongs to
 * the client that opened it: another client's resize is answered as if it did not exist.
 */
export function createTerminalHandlers(
  engine: Engine,
  _host: AppHost,
  open: OpenTerminalSession = openSession,
): FeatureHandlers<typeof terminalCalls, typeof terminalStreams> {
  const sessions = new Map<string, { session: TerminalSession; owner: Caller }>();
  return {
    calls: {
      'terminal.resize': async ({ sessionId, cols, rows }, caller) => {
        const entry = sessions.get(sessionId);
        // The same answer whether the session is gone or another client's: nothing to learn from it.
        if (!entry || entry.owner !== caller) throw new ApiError('not-found', 'This terminal session has ended.', sessionId);
        await entry.session.resize({ cols, rows });
        return null;
      },
    },
    streams: {
      'terminal.session': (args, sink, caller) => {
        let cancelled = false;
        let session: TerminalSession | undefined;
        // Keystrokes typed while the exec is still being created are kept and sent once it runs.
        let early: Uint8Array[] | undefined = [];
        sink.onInput((bytes) => {
          if (session) session.write(bytes);
          else early?.push(new Uint8Array(bytes));
        });
        open(engine.requireClient(), args).then(
          (s) => {
            session = s;
            if (cancelled) return void s.close();
            sessions.set(s.id, { session: s, owner: caller });
            for (const bytes of early ?? []) s.write(bytes);
            early = undefined;
            sink.onDrain(() => s.resume());
            s.onOutput((bytes) => {
              if (!sink.next(bytes)) s.pause();
            });
            s.onEnd((end) => {
              sessions.delete(s.id);
              sink.next({ kind: 'ended', ...end });
              sink.end({ reason: 'complete' });
            });
            sink.next({ kind: 'started', sessionId: s.id, tty: s.tty });
          },
          (err: unknown) => sink.end({ reason: 'error', error: toErrorShape(err) }),
        );
        return () => {
          cancelled = true;
          if (session) {
            sessions.delete(session.id);
            void session.close();
          }
        };
      },
    },
  };
}
