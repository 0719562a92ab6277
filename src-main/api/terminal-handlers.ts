import { ApiError } from '../../src-common/contract/errors';
import type { FeatureHandlers } from '../../src-common/contract/handlers';
import type { terminalCalls, terminalStreams } from '../../src-common/contract/terminal';
import type { Engine } from '../engine/index';
import { openAttachSession } from '../engine/exec/attach-session';
import { openExecSession } from '../engine/exec/exec-session';
import type { TerminalSession } from '../engine/exec/exec-types';
import type { AppHost } from './app-host';
import { toErrorShape } from './dispatch';

/**
 * Terminal streams: the engine's hijacked socket bound to one UI stream. Output pauses
 * while the UI is behind (sink.next says false) and resumes on drain; the stream's input
 * goes to the process; cancelling the stream closes the session.
 */
export function createTerminalHandlers(
  engine: Engine,
  _host: AppHost,
): FeatureHandlers<typeof terminalCalls, typeof terminalStreams> {
  const sessions = new Map<string, TerminalSession>();
  return {
    calls: {
      'terminal.resize': async ({ sessionId, cols, rows }) => {
        const session = sessions.get(sessionId);
        if (!session) throw new ApiError('not-found', 'This terminal session has ended.', sessionId);
        await session.resize({ cols, rows });
        return null;
      },
    },
    streams: {
      'terminal.session': (args, sink) => {
        let cancelled = false;
        let session: TerminalSession | undefined;
        // Keystrokes typed while the exec is still being created are kept and sent once it runs.
        let early: Uint8Array[] | undefined = [];
        sink.onInput((bytes) => {
          if (session) session.write(bytes);
          else early?.push(new Uint8Array(bytes));
        });
        const client = engine.requireClient();
        const opening =
          args.mode === 'attach'
            ? openAttachSession(client, { containerId: args.containerId, cols: args.cols, rows: args.rows })
            : openExecSession(client, args);
        opening.then(
          (s) => {
            session = s;
            if (cancelled) return void s.close();
            sessions.set(s.id, s);
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
