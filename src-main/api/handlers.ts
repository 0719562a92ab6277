import type { ApiHandlers, FeatureHandlers } from '../../src-common/contract/handlers';
import type { coreCalls } from '../../src-common/contract/calls';
import type { coreStreams } from '../../src-common/contract/streams';
import type { Engine } from '../engine/index';
import type { AppHost } from './app-host';
import { createImageHandlers } from './images-handlers';
import { createRegistryHandlers } from './registries-handlers';
import { createBuildRunHandlers } from './build-run-handlers';
import { createLogHandlers } from './logs-handlers';
import { createTerminalHandlers } from './terminal-handlers';
import { createDesktopHandlers } from './desktop-handlers';
import { createStorageHandlers } from './storage-handlers';
import { createNetworkHandlers } from './networks-handlers';
import { createActivityHandlers } from './activity-handlers';
import { createStatsHandlers } from './stats-handlers';

/**
 * One handler per contract call and one opener per stream. Requests arrive already
 * validated by dispatch; engine failures arrive already mapped to ApiErrors.
 */
export function createApiHandlers(engine: Engine, host: AppHost): ApiHandlers {
  const core = createCoreHandlers(engine);
  const images = createImageHandlers(engine, host);
  const registries = createRegistryHandlers(engine, host);
  const buildRun = createBuildRunHandlers(engine, host);
  const logs = createLogHandlers(engine, host);
  const terminal = createTerminalHandlers(engine, host);
  const desktop = createDesktopHandlers(engine, host);
  const storage = createStorageHandlers(engine, host);
  const networks = createNetworkHandlers(engine);
  const activity = createActivityHandlers(engine);
  const stats = createStatsHandlers(engine);
  // Spelled out (not a loop) so the compiler proves every contract entry has a handler.
  return {
    calls: {
      ...core.calls,
      ...images.calls,
      ...registries.calls,
      ...buildRun.calls,
      ...logs.calls,
      ...terminal.calls,
      ...desktop.calls,
      ...storage.calls,
      ...networks.calls,
      ...activity.calls,
      ...stats.calls,
    },
    streams: {
      ...core.streams,
      ...images.streams,
      ...registries.streams,
      ...buildRun.streams,
      ...logs.streams,
      ...terminal.streams,
      ...desktop.streams,
      ...storage.streams,
      ...networks.streams,
      ...activity.streams,
      ...stats.streams,
    },
  };
}

function createCoreHandlers(engine: Engine): FeatureHandlers<typeof coreCalls, typeof coreStreams> {
  const { containers } = engine;
  return {
    calls: {
      'engine.getStatus': async () => engine.connection.current(),
      'engine.reconnect': async () => {
        engine.connection.reconnectNow();
        return null;
      },
      'engine.resync': async () => {
        engine.events.resync();
        return null;
      },
      'containers.list': () => containers.list(),
      'containers.inspect': ({ id }) => containers.inspect(id),
      'containers.start': async ({ id }) => (await containers.start(id), null),
      'containers.stop': async ({ id, timeoutSeconds }) => (await containers.stop(id, timeoutSeconds), null),
      'containers.restart': async ({ id }) => (await containers.restart(id), null),
      'containers.pause': async ({ id }) => (await containers.pause(id), null),
      'containers.unpause': async ({ id }) => (await containers.unpause(id), null),
      'containers.kill': async ({ id, signal }) => (await containers.kill(id, signal), null),
      'containers.remove': async ({ id, force, removeAnonymousVolumes }) =>
        (await containers.remove(id, { force, removeAnonymousVolumes }), null),
    },
    streams: {
      'engine.status': (_args, sink) => {
        sink.next(engine.connection.current());
        return engine.connection.onStatus((status) => sink.next(status));
      },
      // The watcher hands the snapshot to a new subscriber at once, then each change.
      'containers.changes': (_args, sink) => engine.watcher.subscribe((change) => sink.next(change)),
    },
  };
}
