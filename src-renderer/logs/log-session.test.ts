import { describe, expect, it } from 'vitest';
import type { StreamEnd } from '../../src-common/contract/streams';
import type { LogChunk } from '../../src-common/models/logs';
import { encodeLogLines } from '../../src-common/logs-codec';
import { CONTINUED, STDERR } from './log-buffer';

const enc = (b: { container: string; count: number; text: string; stderr: number[]; continued?: number[] }) =>
  encodeLogLines({ ...b, text: new TextEncoder().encode(b.text) });
import { LogSession, type SubscribeLogs } from './log-session';

function setup(capacity = 100) {
  let push: ((c: LogChunk) => void) | null = null;
  let end: ((e: StreamEnd) => void) | null = null;
  let unsubscribed = false;
  let args: Parameters<SubscribeLogs>[0] | null = null;
  const subscribe: SubscribeLogs = (a, onChunk, onEnd) => {
    args = a;
    push = onChunk;
    end = onEnd;
    return () => (unsubscribed = true);
  };
  const frames: (() => void)[] = [];
  const session = new LogSession(subscribe, { kind: 'container', id: 'c1' }, 1000, capacity, (fn) => frames.push(fn));
  session.start();
  const flush = () => frames.splice(0).forEach((fn) => fn());
  return {
    session,
    push: (c: LogChunk) => push!(c),
    end: (e: StreamEnd) => end!(e),
    flush,
    frames,
    unsubscribed: () => unsubscribed,
    args: () => args,
  };
}

describe('LogSession', () => {
  it('splits batches into lines with their stream', () => {
    const { session, push } = setup();
    push(enc({ container: 'c1', count: 4, text: 'a\nb\nc\n', stderr: [1, 2] }));
    const b = session.buffer;
    expect(b.length).toBe(4);
    expect([0, 1, 2, 3].map((s) => b.line(s))).toEqual(['a', 'b', 'c', '']);
    expect([0, 1, 2, 3].map((s) => (b.flagsOf(s) & STDERR) !== 0)).toEqual([false, true, true, false]);
    expect(session.phase).toBe('live');
  });

  it('marks the rows that continue a line cut by main', () => {
    const { session, push } = setup();
    push(enc({ container: 'c1', count: 4, text: 'long1\nlong2\nlong3\nnext', stderr: [2, 2], continued: [1, 2] }));
    const b = session.buffer;
    expect([0, 1, 2, 3].map((s) => b.flagsOf(s))).toEqual([0, CONTINUED, CONTINUED | STDERR, STDERR]);
  });

  it('tells listeners at most once per frame, however many batches came', () => {
    const { session, push, flush, frames } = setup();
    let calls = 0;
    session.subscribe(() => calls++);
    for (let i = 0; i < 50; i++) push(enc({ container: 'c1', count: 1, text: `l${i}`, stderr: [] }));
    expect(frames).toHaveLength(1);
    flush();
    expect(calls).toBe(1);
    expect(session.version).toBe(1);
  });

  it('keeps at most its capacity of lines and counts what it dropped', () => {
    const { session, push } = setup(3);
    push(enc({ container: 'c1', count: 5, text: '1\n2\n3\n4\n5', stderr: [] }));
    expect(session.buffer.length).toBe(3);
    expect(session.buffer.dropped).toBe(2);
    expect(session.buffer.line(session.buffer.first)).toBe('3');
  });

  it('asks main for no more history than it keeps, and counts what main skipped as received and dropped', () => {
    const { session, push, args } = setup(3);
    expect(args()).toMatchObject({ tail: 1000, keep: 3 });
    // Main sends the kept lines first; the count of older ones follows while it is made.
    push(enc({ container: 'c1', count: 3, text: '901\n902\n903', stderr: [] }));
    push({ kind: 'skipped', container: 'c1', count: 500 });
    push({ kind: 'skipped', container: 'c1', count: 400 });
    const b = session.buffer;
    expect([b.received, b.notKept, b.length]).toEqual([903, 900, 3]);
    expect(b.line(b.first)).toBe('901');
    session.clear();
    expect([b.received, b.notKept]).toEqual([0, 0]);
    // A count still on its way is about lines before the cleared ones: not counted again.
    push({ kind: 'skipped', container: 'c1', count: 100 });
    push(enc({ container: 'c1', count: 1, text: '904', stderr: [] }));
    expect([b.received, b.notKept, b.length]).toEqual([1, 0, 1]);
  });

  it('numbers containers in order of appearance and keeps their sources', () => {
    const { session, push } = setup();
    push({ kind: 'sources', sources: [{ id: 'x', name: 'web-1', tty: false, state: 'running' }] });
    push(enc({ container: 'y', count: 1, text: 'from y', stderr: [] }));
    push(enc({ container: 'x', count: 1, text: 'from x', stderr: [] }));
    expect(session.buffer.sourceOf(0)).toBe(1);
    expect(session.buffer.sourceOf(1)).toBe(0);
    expect(session.sourceAt(0)?.name).toBe('web-1');
  });

  it('records an error end and unsubscribes on dispose', () => {
    const { session, end, unsubscribed } = setup();
    end({ reason: 'error', error: { code: 'not-found', message: 'No such container: x' } });
    expect(session.phase).toBe('ended');
    expect(session.error).toBe('No such container: x');
    session.dispose();
    expect(unsubscribed()).toBe(true);
  });
});

describe('LogSession during a flood', () => {
  it('tells listeners at most every 100 ms while thousands of lines arrive', () => {
    let clock = 0;
    const frames: (() => void)[] = [];
    const delayed: { fn: () => void; at: number }[] = [];
    let push: ((c: LogChunk) => void) | null = null;
    const session = new LogSession(
      (_a, on) => ((push = on), () => {}),
      { kind: 'container', id: 'c1' },
      'all',
      100_000,
      (fn) => frames.push(fn),
      () => clock,
      (fn, ms) => delayed.push({ fn, at: clock + ms }),
    );
    session.start();
    const batch = (n: number): LogChunk => enc({ container: 'c1', count: n, text: Array(n).fill('x').join('\n'), stderr: [] });
    push!(batch(10));
    expect(frames).toHaveLength(1); // a quiet log: the next frame
    frames.shift()!();
    clock = 16;
    push!(batch(5000));
    expect(frames).toHaveLength(0); // a flood: wait until 100 ms after the last notification
    expect(delayed).toEqual([{ fn: expect.any(Function), at: 100 }]);
    delayed.shift()!.fn();
    expect(frames).toHaveLength(1);
    clock = 100;
    frames.shift()!();
    // Still flooding: the next small batch waits too, since the last interval was busy.
    clock = 110;
    push!(batch(100));
    expect(frames).toHaveLength(0);
    expect(delayed.at(-1)?.at).toBe(200);
  });
});
