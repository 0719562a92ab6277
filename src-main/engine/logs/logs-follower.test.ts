import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { DockerClient } from '../connection/docker-client';
import { logTimestampsSplitSeconds } from './log-history-count';
import { followContainerLogs } from './logs-follower';

// A fake engine: which requests the follower makes for a tail larger than the view keeps,
// depending on the timestamps the engine prints. The real engine's answers are checked in
// logs-service.int.test.ts.
const frame = (text: string) => {
  const payload = Buffer.from(text);
  const header = Buffer.alloc(8);
  header[0] = 1;
  header.writeUInt32BE(payload.length, 4);
  return Buffer.concat([header, payload]);
};

function fakeEngine(stamp: (n: number) => string, lines: number) {
  const queries: Record<string, unknown>[] = [];
  const client = {
    inspectContainer: async () => ({ Id: 'c1', Name: '/c1', Config: { Tty: false }, State: { Status: 'exited' } }),
    streamGet: async ({ query }: { query: Record<string, unknown> }) => {
      queries.push(query);
      const tail = query.tail === 'all' ? lines : Number(query.tail);
      // `until` (inclusive) as this fake's timestamps make it: line n is n ns into the second.
      const last = typeof query.until === 'string' ? Math.min(lines, Number(query.until.split('.')[1])) : lines;
      const from = Math.max(1, last - tail + 1);
      const frames: Buffer[] = [];
      for (let n = from; n <= last; n++) frames.push(frame(query.timestamps ? `${stamp(n)} ${n}\n` : `${n}\n`));
      return Readable.from(frames);
    },
  } as unknown as DockerClient;
  return { client, queries };
}

const nanos = (n: number) => `2026-12-02T12:59:55.${String(n).padStart(9, '0')}Z`;
const seconds = () => '2026-12-02T12:59:55Z';

describe('logTimestampsSplitSeconds', () => {
  it('is true for nanosecond timestamps, false for whole seconds, true for an empty log', async () => {
    expect(await logTimestampsSplitSeconds(fakeEngine(nanos, 3).client, 'c1', false)).toBe(true);
    expect(await logTimestampsSplitSeconds(fakeEngine(seconds, 3).client, 'c1', false)).toBe(false);
    expect(await logTimestampsSplitSeconds(fakeEngine(seconds, 0).client, 'c1', false)).toBe(true);
  });

  it('asks an engine once: the timestamp format is the engine\'s', async () => {
    const engine = fakeEngine(seconds, 3);
    expect(await logTimestampsSplitSeconds(engine.client, 'c1', false)).toBe(false);
    expect(await logTimestampsSplitSeconds(engine.client, 'c2', false)).toBe(false);
    expect(engine.queries).toHaveLength(1);
  });
});

describe('followContainerLogs with a tail larger than the view keeps', () => {
  const follow = async (stamp: (n: number) => string) => {
    const engine = fakeEngine(stamp, 50);
    let received = 0;
    let skipped = 0;
    const follower = followContainerLogs({
      requireClient: () => engine.client,
      events: { subscribe: () => () => {} },
      id: 'c1',
      tail: 'all',
      keep: 10,
      onSource: () => {},
      onBatch: (_id, batch) => (received += batch.count),
      onSkipped: (_id, count) => (skipped += count),
      onEnd: () => {},
      batching: { maxDelayMs: 1 },
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    follower.cancel();
    return { queries: engine.queries, received, skipped };
  };

  it('asks for the kept lines and counts the older ones with until when timestamps have nanoseconds', async () => {
    const { queries, received, skipped } = await follow(nanos);
    expect(queries.map((q) => [q.tail, q.follow, q.until])).toEqual([
      ['1', undefined, undefined],
      ['10', 1, undefined],
      ['all', undefined, '1796216395.000000040'],
    ]);
    expect([received, skipped]).toEqual([10, 40]);
  });

  it('asks for the whole tail when timestamps are whole seconds (until cannot split a second)', async () => {
    const { queries, received, skipped } = await follow(seconds);
    expect(queries.map((q) => [q.tail, q.follow, q.until])).toEqual([
      ['1', undefined, undefined],
      ['all', 1, undefined],
    ]);
    expect([received, skipped]).toEqual([50, 0]);
  });
});

describe('followContainerLogs reopening after a restart', () => {
  /** An engine whose log grows between streams; `since` is inclusive and compares whole seconds here. */
  function restartingEngine(stamps: { stamp: string; text: string }[][]) {
    const log: { stamp: string; text: string }[] = [];
    const queries: Record<string, unknown>[] = [];
    let runs = 0;
    const client = {
      inspectContainer: async () => ({
        Id: 'c1',
        Name: '/c1',
        Config: { Tty: false },
        State: { Status: runs < stamps.length ? 'running' : 'exited' },
      }),
      streamGet: async ({ query }: { query: Record<string, unknown> }) => {
        queries.push(query);
        log.push(...(stamps[runs++] ?? []));
        const since = typeof query.since === 'string' ? Number(query.since.split('.')[0]) : -Infinity;
        const seconds = (stamp: string) => Date.parse(stamp) / 1000;
        return Readable.from(log.filter((l) => seconds(l.stamp) >= since).map((l) => frame(`${l.stamp} ${l.text}\n`)));
      },
    } as unknown as DockerClient;
    return { client, queries };
  }

  it('with whole-second timestamps, asks for that second again and skips the lines of it already shown', async () => {
    const s55 = '2026-12-02T12:59:55Z';
    const s56 = '2026-12-02T12:59:56Z';
    const engine = restartingEngine([
      [{ stamp: s55, text: 'a1' }, { stamp: s55, text: 'a2' }],
      [{ stamp: s55, text: 'b1' }],
      [{ stamp: s55, text: 'c1' }, { stamp: s56, text: 'c2' }],
    ]);
    const texts: string[] = [];
    const follower = followContainerLogs({
      requireClient: () => engine.client,
      events: { subscribe: () => () => {} },
      id: 'c1',
      tail: 'all',
      onSource: () => {},
      onBatch: (_id, batch) => texts.push(...new TextDecoder().decode(batch.text).split('\n').filter(Boolean)),
      onEnd: () => {},
      batching: { maxDelayMs: 1 },
    });
    await new Promise((resolve) => setTimeout(resolve, 200));
    follower.cancel();
    expect(texts.map((t) => t.split(' ')[1])).toEqual(['a1', 'a2', 'b1', 'c1', 'c2']);
    expect(engine.queries.map((q) => q.since)).toEqual([undefined, '1796216395.000000000', '1796216395.000000000']);
  });
});
