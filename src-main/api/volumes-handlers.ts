import type { FeatureHandlers } from '../../src-common/contract/handlers';
import type { volumeCalls, volumeStreams } from '../../src-common/contract/volumes';
import type { VolumeSizes } from '../../src-common/models/volumes';
import type { DockerClient } from '../engine/connection/docker-client';
import type { DiskUsageMeter } from '../engine/system/disk-usage';
import type { VolumeHelpers } from '../engine/volumes/volume-helpers';
import { createVolumesService } from '../engine/volumes/volumes-service';
import type { VolumesWatcher } from '../engine/volumes/volumes-watcher';
import { toErrorShape } from './dispatch';

export interface VolumeHandlerDeps {
  requireClient(): DockerClient;
  labelsMarkAnonymous(): boolean;
  helpers: VolumeHelpers;
  meter: DiskUsageMeter;
  watcher: VolumesWatcher;
}

export function createVolumeHandlers(deps: VolumeHandlerDeps): FeatureHandlers<typeof volumeCalls, typeof volumeStreams> {
  const { helpers, meter, watcher } = deps;
  const sizesOf = (usage: { measuredAt: number; volumeSizes: Record<string, number> }): VolumeSizes => ({
    measuredAt: usage.measuredAt,
    sizes: usage.volumeSizes,
  });
  const volumes = createVolumesService({
    requireClient: deps.requireClient,
    labelsMarkAnonymous: deps.labelsMarkAnonymous,
    usersOf: (name) => watcher.usersOf(name),
    helpers,
    measureSizes: async () => sizesOf((await meter.measure()).usage),
    lastSizes: () => {
      const last = meter.last();
      return last ? sizesOf(last) : null;
    },
    pendingSizes: () => meter.pending()?.then((m) => sizesOf(m.usage)) ?? null,
  });
  return {
    calls: {
      'volumes.list': async () => watcher.current() ?? volumes.list(),
      'volumes.create': (form) => volumes.create(form),
      'volumes.remove': async ({ name }) => (await volumes.remove(name), null),
      'volumes.measureSizes': async () => sizesOf((await meter.measure()).usage),
      'volumes.prunePreview': ({ scope, labels }) => volumes.prunePreview(scope, labels),
      'volumes.prune': ({ scope, names, labels }) => volumes.prune(scope, names, labels),
    },
    streams: {
      'volumes.changes': (_args, sink) => watcher.subscribe((change) => sink.next(change)),
      'volumes.browse': ({ name }, sink) => {
        let session: string | null = null;
        let cancelled = false;
        helpers
          .open(name, () => sink.end({ reason: 'complete' }))
          .then(
            (opened) => {
              // Cancelled while the helper was being made: it goes at once.
              if (cancelled) return void helpers.close(opened.session);
              session = opened.session;
              sink.next({ kind: 'ready', session: opened.session, volume: name });
            },
            (err: unknown) => sink.end({ reason: 'error', error: toErrorShape(err) }),
          );
        return () => {
          cancelled = true;
          if (session) void helpers.close(session);
        };
      },
    },
  };
}
