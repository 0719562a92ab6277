import { describe, expect, it } from 'vitest';
import type { StreamSink } from '../../src-common/contract/handlers';
import type { Engine } from '../engine/index';
import { OTHER_CALLER, TEST_CALLER } from '../test-support/test-caller';
import { createStatsHandlers } from './stats-handlers';

/** An engine whose stats.watch records each watch and what it was told to follow. */
function recordingEngine() {
  const watches: { ids: string[][]; closed: boolean }[] = [];
  const engine = {
    stats: {
      watch: (_listener: unknown, ids: string[]) => {
        const w = { ids: [ids], closed: false };
        watches.push(w);
        return { update: (next: string[]) => void w.ids.push(next), close: () => void (w.closed = true) };
      },
      history: () => [],
    },
  } as unknown as Pick<Engine, 'stats'>;
  return { engine, watches };
}

const sink = { next: () => true, end: () => undefined, onDrain: () => undefined, onInput: () => undefined } as StreamSink<never>;
const VIEW = 'view-0123456789abcdef';

describe('stats views belong to the connection that opened them', () => {
  it("another connection's stats.watch with the same view id changes nothing", async () => {
    const { engine, watches } = recordingEngine();
    const h = createStatsHandlers(engine);
    h.streams['stats.live']({ viewId: VIEW, ids: ['a'], totals: false }, sink, TEST_CALLER);
    await h.calls['stats.watch']({ viewId: VIEW, ids: ['b', 'c'], totals: true }, OTHER_CALLER);
    expect(watches[0]!.ids).toEqual([['a']]);
    await h.calls['stats.watch']({ viewId: VIEW, ids: ['d'], totals: false }, TEST_CALLER);
    expect(watches[0]!.ids).toEqual([['a'], ['d']]);
  });

  it('another connection opening a view with the same id does not take over the first one', async () => {
    const { engine, watches } = recordingEngine();
    const h = createStatsHandlers(engine);
    h.streams['stats.live']({ viewId: VIEW, ids: ['a'], totals: false }, sink, TEST_CALLER);
    const closeOther = h.streams['stats.live']({ viewId: VIEW, ids: ['x'], totals: false }, sink, OTHER_CALLER);
    await h.calls['stats.watch']({ viewId: VIEW, ids: ['e'], totals: false }, TEST_CALLER);
    expect(watches[0]!.ids).toEqual([['a'], ['e']]);
    expect(watches[1]!.ids).toEqual([['x']]);
    closeOther();
    await h.calls['stats.watch']({ viewId: VIEW, ids: ['f'], totals: false }, TEST_CALLER);
    expect(watches[0]!.ids).toEqual([['a'], ['e'], ['f']]);
  });
});
