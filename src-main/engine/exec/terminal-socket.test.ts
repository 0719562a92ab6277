import { Duplex } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { bindTerminalSocket } from './terminal-socket';

/** A duplex whose readable side we feed by hand, as the engine feeds the hijacked socket. */
function socketPair() {
  const written: Buffer[] = [];
  const socket = new Duplex({
    read() {},
    write(chunk: Buffer, _enc, done) {
      written.push(chunk);
      done();
    },
  });
  return { socket, written };
}

const nextTurn = () => new Promise((r) => setImmediate(r));

describe('bindTerminalSocket', () => {
  it('holds output written before the first listener (the first prompt) and hands it over', async () => {
    const { socket } = socketPair();
    const bound = bindTerminalSocket(socket, true, async () => ({ how: 'exited', exitCode: 0, containerRunning: true }));
    socket.push(Buffer.from('/ # '));
    await nextTurn();
    await nextTurn();
    const seen: string[] = [];
    bound.onOutput((b) => seen.push(Buffer.from(b).toString()));
    expect(seen).toEqual(['/ # ']);
    socket.push(Buffer.from('ls\r\n'));
    await nextTurn();
    await nextTurn();
    expect(seen).toEqual(['/ # ', 'ls\r\n']);
  });

  it('reports the end once, also to a listener that comes late, but not for a close we asked for', async () => {
    const { socket } = socketPair();
    const bound = bindTerminalSocket(socket, true, async () => ({ how: 'exited', exitCode: 3, containerRunning: true }));
    socket.destroy();
    await new Promise((r) => socket.once('close', r));
    await nextTurn();
    const ends: (number | null)[] = [];
    bound.onEnd((e) => ends.push(e.exitCode));
    expect(ends).toEqual([3]);

    const other = socketPair().socket;
    const quiet = bindTerminalSocket(other, true, async () => ({ how: 'exited', exitCode: 0, containerRunning: true }));
    const none: unknown[] = [];
    quiet.onEnd((e) => none.push(e));
    quiet.closingByUs();
    other.destroy();
    await new Promise((r) => other.once('close', r));
    await nextTurn();
    expect(none).toEqual([]);
  });
});
