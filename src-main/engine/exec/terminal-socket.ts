import { readTerminalOutput } from './exec-output';
import type { HijackedSocket, TerminalSession, TerminalSessionEnd } from './exec-types';

export type SocketBinding = Pick<TerminalSession, 'onOutput' | 'onEnd' | 'pause' | 'resume' | 'write'> & {
  /** Call before closing from our side: no end is reported for a close we asked for. */
  closingByUs(): void;
  readonly socket: HijackedSocket;
};

/**
 * What exec and attach sessions share: reading the hijacked socket, handing output to
 * listeners, and telling them once how it ended. Output is held until the first listener
 * comes: the shell writes its first prompt while the session is still being set up (the
 * first resize), and that prompt must not be lost.
 */
export function bindTerminalSocket(
  socket: HijackedSocket,
  tty: boolean,
  describeEnd: () => Promise<TerminalSessionEnd>,
): SocketBinding {
  const outputListeners: ((bytes: Uint8Array) => void)[] = [];
  const endListeners: ((end: TerminalSessionEnd) => void)[] = [];
  let held: Uint8Array[] | null = [];
  let ended: TerminalSessionEnd | null = null;
  let closedByUs = false;

  readTerminalOutput(socket, tty, (bytes) => {
    if (held) held.push(bytes);
    else for (const l of outputListeners) l(bytes);
  });
  socket.on('error', () => socket.destroy());
  socket.once('close', () => {
    if (closedByUs) return;
    void describeEnd().then((end) => {
      ended = end;
      for (const l of endListeners) l(end);
    });
  });

  return {
    socket,
    onOutput(listener) {
      outputListeners.push(listener);
      if (held) {
        const pending = held;
        held = null;
        for (const bytes of pending) listener(bytes);
      }
    },
    onEnd(listener) {
      endListeners.push(listener);
      if (ended) listener(ended);
    },
    pause: () => socket.pause(),
    resume: () => socket.resume(),
    write: (bytes) => {
      if (!socket.destroyed && socket.writable) socket.write(bytes);
    },
    closingByUs: () => {
      closedByUs = true;
    },
  };
}
