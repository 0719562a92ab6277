import type { Duplex } from 'node:stream';
import type { TerminalSize } from '../../../src-common/models/terminal';

/** How a terminal session ended, as the UI tells it. */
export interface TerminalSessionEnd {
  how: 'exited' | 'detached';
  exitCode: number | null;
  containerRunning: boolean;
}

/**
 * One terminal on a container (an exec with a TTY, or an attach), bound to its hijacked
 * engine socket: output bytes out, keystrokes in, and a pause for flow control.
 */
export interface TerminalSession {
  readonly id: string;
  readonly tty: boolean;
  /** Output bytes, demultiplexed when the stream is framed. */
  onOutput(listener: (bytes: Uint8Array) => void): void;
  /** Once, after the engine closed the stream, with the exit code or detach. */
  onEnd(listener: (end: TerminalSessionEnd) => void): void;
  /** Stops reading the engine socket (the process blocks on its writes) until resume. */
  pause(): void;
  resume(): void;
  write(bytes: Uint8Array): void;
  resize(size: TerminalSize): Promise<void>;
  /** Ends the session from our side: no process of an exec session is left running. */
  close(): Promise<void>;
}

/** What the hijacked start/attach request answers with (a net.Socket in practice). */
export type HijackedSocket = Duplex;
