import type { Caller, FeatureHandlers } from '../../src-common/contract/handlers';
import type { statsCalls, statsStreams } from '../../src-common/contract/stats';
import type { Engine, StatsOrigin } from '../engine/index';

type View = { update(ids: string[], totals: boolean): void };

/**
 * A view id is chosen by the page, so views are kept per caller (connection or window):
 * another client naming the same id reaches nothing of this one's.
 *
 * `origin`: whose views these are. Both transports serve the window's page ('window'),
 * so a hidden Electron window stops what its page still asks for (src-main/electron/).
 */
export function createStatsHandlers(
  engine: Pick<Engine, 'stats'>,
  origin: StatsOrigin = 'window',
): FeatureHandlers<typeof statsCalls, typeof statsStreams> {
  const viewsByCaller = new WeakMap<Caller, Map<string, View>>();
  const viewsOf = (caller: Caller): Map<string, View> => {
    let views = viewsByCaller.get(caller);
    if (!views) viewsByCaller.set(caller, (views = new Map()));
    return views;
  };
  return {
    calls: {
      'stats.watch': async ({ viewId, ids, totals }, caller) => {
        // A watch racing the stream's close is harmless: there is nothing left to change.
        viewsByCaller.get(caller)?.get(viewId)?.update(ids, totals);
        return null;
      },
    },
    streams: {
      'stats.live': ({ viewId, ids, totals }, sink, caller) => {
        const views = viewsOf(caller);
        const watch = engine.stats.watch(
          {
            samples: (batch) => void sink.next({ kind: 'samples', samples: [...batch].map(([id, sample]) => ({ id, sample })) }),
            gone: (gone) => void sink.next({ kind: 'gone', ids: [...gone] }),
            totals: (t) => void sink.next({ kind: 'totals', totals: t }),
          },
          ids,
          { totals, origin },
        );
        views.set(viewId, watch);
        return () => {
          if (views.get(viewId) === watch) views.delete(viewId);
          watch.close();
        };
      },
      'stats.history': ({ id }, sink) => {
        sink.next({ kind: 'history', history: engine.stats.history(id) });
        const watch = engine.stats.watch(
          {
            samples: (batch) => {
              const sample = batch.get(id);
              if (sample) sink.next({ kind: 'sample', sample });
            },
            gone: () => void sink.next({ kind: 'stopped' }),
          },
          [id],
          { origin },
        );
        return () => watch.close();
      },
    },
  };
}
