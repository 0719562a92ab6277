import type { FeatureHandlers } from '../../src-common/contract/handlers';
import type { systemCalls } from '../../src-common/contract/system';
import type { DiskUsageMeter } from '../engine/system/disk-usage';
import type { SystemPrune } from '../engine/system/system-prune';

export function createSystemHandlers(deps: { meter: DiskUsageMeter; prune: SystemPrune }): FeatureHandlers<typeof systemCalls, Record<never, never>> {
  const { meter, prune } = deps;
  return {
    calls: {
      'system.diskUsage': async () => (await meter.measure()).usage,
      'containers.prunePreview': ({ labels }) => prune.containersPreview(labels),
      'containers.prune': ({ ids }) => prune.containersPrune(ids),
      'buildCache.prunePreview': ({ all }) => prune.buildCachePreview(all),
      'buildCache.prune': ({ all, ids }) => prune.buildCachePrune(all, ids),
    },
    streams: {},
  };
}
