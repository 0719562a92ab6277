import { describe, expect, it, vi } from 'vitest';
import type { StreamSink } from '../../src-common/contract/handlers';
import type { TerminalChunk, TerminalSize } from '../../src-common/models/terminal';
import type { Engine } from '../engine/index';
import type { TerminalSession } from '../engine/exec/exec-types';
import { OTHER_CALLER, TEST_CALLER } from '../test-support/test-caller';
import type { AppHost } from './app-host';
import { createTerminalHandlers } from './terminal-handlers';

/** A session without an engine: records resizes and input. */
function standInSession(id: string) {
  const resizes: TerminalSize[] = [];
  const session: TerminalSession = {
    id,
    tty: true,
    onOutput: () => undefined,
    onEnd: () => undefined,
    pause: () => undefined,
    resume: () => undefined,
    write: () => undefined,
    resize: async (size) => void resizes.push(size),
    close: async () => undefined,
  };
  return { session, resizes };
}

const engine = { requireClient: () => ({}) } as unknown as Engine;
const host = {} as AppHost;

function sink(): StreamSink<TerminalChunk> & { chunks: TerminalChunk[] } {
  const chunks: TerminalChunk[] = [];
  return { chunks, next: (c) => (chunks.push(c), true), end: () => undefined, onDrain: () => undefined, onInput: () => undefined };
}

describe('terminal handlers', () => {
  it("resize reaches only the session of the caller that opened it; another caller's is answered as ended", async () => {
    const { session, resizes } = standInSession('s-1');
    const handlers = createTerminalHandlers(engine, host, vi.fn(async () => session));
    const out = sink();
    handlers.streams['terminal.session']({ containerId: 'c', mode: 'exec', command: '', cols: 80, rows: 24 }, out, TEST_CALLER);
    await vi.waitFor(() => expect(out.chunks).toContainEqual({ kind: 'started', sessionId: 's-1', tty: true }));

    await expect(handlers.calls['terminal.resize']({ sessionId: 's-1', cols: 10, rows: 5 }, OTHER_CALLER)).rejects.toMatchObject({
      code: 'not-found',
      message: 'This terminal session has ended.',
    });
    expect(resizes).toEqual([]);

    await handlers.calls['terminal.resize']({ sessionId: 's-1', cols: 100, rows: 30 }, TEST_CALLER);
    expect(resizes).toEqual([{ cols: 100, rows: 30 }]);
  });
});
