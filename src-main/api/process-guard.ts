import type { EventEmitter } from 'node:events';

/** Socket-level failures: an 'error' event on a connection nobody listened to. Berth can go on. */
const SURVIVABLE_CODES = /^(E[A-Z]+|ERR_STREAM_|ERR_SOCKET_|ERR_HTTP_|UND_ERR_|ABORT_ERR|ERR_BERTH_)/;

export interface ProcessGuardOptions {
  /** Where lines go: the host's log (browser mode redacts the token in it). */
  log: (line: string) => void;
  /** Ends the process after an exception that leaves Berth in an unknown state. */
  exit: (code: number) => void;
  /** process, or a stand-in in tests. */
  target?: Pick<EventEmitter, 'on' | 'off'>;
}

/** The error's own words and where it came from; never its properties (an error may carry a request). */
function describe(err: unknown): string {
  if (err instanceof Error) return err.stack ?? `${err.name}: ${err.message}`;
  return typeof err === 'string' ? err : Object.prototype.toString.call(err);
}

/**
 * The process-level policy of both hosts (browser mode's server and Electron's main):
 *
 * - An unhandled rejection is a promise someone forgot to await: logged, and Berth goes
 *   on. Node's default (since 15) would end the process, taking every open window and
 *   terminal with it for what is, every time we have seen it, one failed request.
 * - An uncaught exception from a socket (ECONNRESET, EPIPE… on a connection with no
 *   'error' listener) is logged and survived too: one connection died, not Berth.
 * - Any other uncaught exception leaves state half-updated somewhere: logged, then the
 *   process ends with code 1 rather than going on wrong.
 *
 * Returns the uninstall (tests).
 */
export function installProcessGuard(options: ProcessGuardOptions): () => void {
  const target = options.target ?? process;
  const onRejection = (reason: unknown) => {
    options.log(`Berth: an operation failed and nothing handled the failure; carrying on. ${describe(reason)}`);
  };
  const onException = (err: unknown) => {
    const code = (err as { code?: unknown } | null)?.code;
    if (typeof code === 'string' && SURVIVABLE_CODES.test(code)) {
      options.log(`Berth: a connection failed (${code}) and nothing handled it; carrying on. ${describe(err)}`);
      return;
    }
    options.log(`Berth: an unexpected error; stopping. ${describe(err)}`);
    options.exit(1);
  };
  target.on('unhandledRejection', onRejection);
  target.on('uncaughtException', onException);
  return () => {
    target.off('unhandledRejection', onRejection);
    target.off('uncaughtException', onException);
  };
}
