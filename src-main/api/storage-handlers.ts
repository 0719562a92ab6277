import type { FeatureHandlers } from '../../src-common/contract/handlers';
import type { fileCalls, fileStreams } from '../../src-common/contract/files';
import type { systemCalls } from '../../src-common/contract/system';
import type { volumeCalls, volumeStreams } from '../../src-common/contract/volumes';
import { apiAtLeast } from '../../src-common/volume-spec';
import type { Engine } from '../engine/index';
import { createFilesService } from '../engine/files/files-service';
import { createDiskUsageMeter } from '../engine/system/disk-usage';
import { createSystemPrune } from '../engine/system/system-prune';
import { createVolumeHelpers, currentOwner } from '../engine/volumes/volume-helpers';
import { createVolumesWatcher } from '../engine/volumes/volumes-watcher';
import type { AppHost } from './app-host';
import { createFileHandlers } from './files-handlers';
import { createSystemHandlers } from './system-handlers';
import { createVolumeHandlers } from './volumes-handlers';

type StorageCalls = typeof volumeCalls & typeof fileCalls & typeof systemCalls;
type StorageStreams = typeof volumeStreams & typeof fileStreams;

/**
 * Volumes, container and volume files, and disk usage share their engine pieces: the
 * volume-browsing helpers (files reach a volume through them) and the one `/system/df`
 * meter (volume sizes and the disk usage page).
 */
export function createStorageHandlers(engine: Engine, host: AppHost): FeatureHandlers<StorageCalls, StorageStreams> {
  const requireClient = () => engine.requireClient();
  const getClient = () => {
    try {
      return engine.requireClient();
    } catch {
      return null;
    }
  };
  const apiVersion = () => {
    const status = engine.connection.current();
    return status.state === 'connected' ? status.engine.apiVersion : null;
  };
  const labelsMarkAnonymous = () => apiAtLeast(apiVersion(), '1.42');
  const helpers = createVolumeHelpers({ requireClient, owner: currentOwner() });
  const meter = createDiskUsageMeter({ requireClient });
  const watcher = createVolumesWatcher({ events: engine.events, containers: engine.watcher, getClient, labelsMarkAnonymous });
  // Helpers a Berth that died left behind are swept whenever the engine (re)connects.
  engine.events.subscribe({ onResync: () => void helpers.sweep().catch(() => undefined) });
  if (getClient()) void helpers.sweep().catch(() => undefined);

  const volumes = createVolumeHandlers({ requireClient, labelsMarkAnonymous, helpers, meter, watcher });
  const files = createFileHandlers({ engine, host, helpers, files: createFilesService({ requireClient }) });
  const system = createSystemHandlers({ meter, prune: createSystemPrune({ requireClient, meter }) });
  return {
    calls: { ...volumes.calls, ...files.calls, ...system.calls },
    streams: { ...volumes.streams, ...files.streams },
  };
}
