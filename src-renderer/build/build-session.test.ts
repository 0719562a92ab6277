import { describe, expect, it } from 'vitest';
import type { ApiClient } from '../api/client';
import type { BuildRequest } from '../../src-common/models/build-run';
import { createBuildSession, MAX_LINES } from './build-session';

type OnChunk = (chunk: unknown) => void;
type OnEnd = (end: { reason: 'complete' | 'cancelled' | 'error'; error?: { code: string; message: string } }) => void;

function fakeClient() {
  const opened: { stream: string; args: unknown; onChunk: OnChunk; onEnd: OnEnd; cancelled: boolean }[] = [];
  const client = {
    call: async () => {
      throw new Error('not used');
    },
    subscribe: (stream: string, args: unknown, onChunk: OnChunk, onEnd: OnEnd) => {
      const entry = { stream, args, onChunk, onEnd, cancelled: false };
      opened.push(entry);
      return () => {
        entry.cancelled = true;
      };
    },
    onConnectionChange: () => () => {},
  } as unknown as ApiClient;
  return { client, opened };
}

const request: BuildRequest = {
  contextPath: '/src/app',
  dockerfile: 'Dockerfile',
  tag: 'app:1',
  buildArgs: {},
  target: '',
  noCache: false,
  labels: {},
};

describe('build session', () => {
  it('clear() forgets a finished build\'s output and result, keeping the form\'s request', () => {
    const { client, opened } = fakeClient();
    const session = createBuildSession(client);
    session.start(request);
    opened[0]!.onChunk({ kind: 'output', lines: ['old line'], step: null });
    opened[0]!.onChunk({ kind: 'done', imageId: 'sha256:1', tag: 'app:1' });
    session.clear();
    expect(session.lines).toEqual([]);
    expect(session.snapshot()).toMatchObject({ status: 'idle', result: null, request });
  });

  it('follows steps and lines, then the result', () => {
    const { client, opened } = fakeClient();
    const session = createBuildSession(client);
    let notified = 0;
    session.subscribe(() => notified++);
    session.start(request);
    expect(opened[0]).toMatchObject({ stream: 'build.run', args: request });
    const step = { index: 1, total: 2, instruction: 'FROM busybox' };
    opened[0]!.onChunk({ kind: 'sent', files: 3, contextBytes: 120 });
    opened[0]!.onChunk({ kind: 'output', lines: ['Step 1/2 : FROM busybox', ' ---> abc'], step });
    expect(session.snapshot()).toMatchObject({ status: 'building', step, sent: { files: 3, bytes: 120 } });
    expect(session.lines).toEqual(['Step 1/2 : FROM busybox', ' ---> abc']);
    opened[0]!.onChunk({ kind: 'done', imageId: 'sha256:abc', tag: 'app:1' });
    opened[0]!.onEnd({ reason: 'complete' });
    expect(session.snapshot()).toMatchObject({ status: 'done', result: { imageId: 'sha256:abc', tag: 'app:1' } });
    expect(notified).toBeGreaterThanOrEqual(4);
  });

  it('keeps the failing step and message, and a transport error apart', () => {
    const { client, opened } = fakeClient();
    const session = createBuildSession(client);
    session.start(request);
    const step = { index: 2, total: 2, instruction: 'RUN false' };
    opened[0]!.onChunk({ kind: 'failed', message: 'returned a non-zero code: 1', step });
    opened[0]!.onEnd({ reason: 'complete' });
    expect(session.snapshot()).toMatchObject({ status: 'failed', failure: { message: 'returned a non-zero code: 1', step } });

    session.start(request);
    opened[1]!.onEnd({ reason: 'error', error: { code: 'not-found', message: 'There is no folder at /src/app.' } });
    expect(session.snapshot()).toMatchObject({ status: 'error', error: 'There is no folder at /src/app.', failure: null });
  });

  it('cancel unsubscribes (which aborts the engine request) and says so', () => {
    const { client, opened } = fakeClient();
    const session = createBuildSession(client);
    session.start(request);
    session.cancel();
    expect(opened[0]!.cancelled).toBe(true);
    expect(session.snapshot().status).toBe('cancelled');
  });

  it('bounds the kept output and counts what it dropped', () => {
    const { client, opened } = fakeClient();
    const session = createBuildSession(client);
    session.start(request);
    const batch = Array.from({ length: 1000 }, (_, i) => `line ${i}`);
    for (let i = 0; i < 6; i++) opened[0]!.onChunk({ kind: 'output', lines: batch, step: null });
    expect(session.lines).toHaveLength(MAX_LINES);
    expect(session.snapshot().dropped).toBe(1000);
    expect(session.lines.at(-1)).toBe('line 999');
  });
});
