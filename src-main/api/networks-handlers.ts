import type { FeatureHandlers } from '../../src-common/contract/handlers';
import type { networkCalls, networkStreams } from '../../src-common/contract/networks';
import { engineIsPodman } from '../engine/connection/connection';
import type { Engine } from '../engine/index';
import { createNetworksService } from '../engine/networks/networks-service';
import { createNetworksWatcher } from '../engine/networks/networks-watcher';

export function createNetworkHandlers(engine: Engine): FeatureHandlers<typeof networkCalls, typeof networkStreams> {
  const getClient = () => {
    try {
      return engine.requireClient();
    } catch {
      return null;
    }
  };
  const watcher = createNetworksWatcher({ events: engine.events, getClient, eventsKnownIncomplete: () => engineIsPodman(engine.connection.current()) });
  const containerName = (id: string) => engine.watcher.current()?.find((c) => c.id === id || c.name === id)?.name;
  const networks = createNetworksService({
    requireClient: () => engine.requireClient(),
    liveNetworks: () => watcher.current(),
    containerName,
    changed: watcher,
  });
  return {
    calls: {
      'networks.list': () => networks.list(),
      'networks.inspect': ({ id }) => networks.inspect(id),
      'networks.create': ({ form }) => networks.create(form),
      'networks.removeCheck': ({ id }) => networks.removeCheck(id),
      'networks.remove': async ({ id }) => (await networks.remove(id), null),
      'networks.prunePreview': ({ labels }) => networks.prunePreview(labels),
      'networks.prune': ({ labels }) => networks.prune(labels),
      'networks.connect': ({ form }) => networks.connect(form),
      'networks.disconnect': async ({ network, container, force }) => (await networks.disconnect(network, container, force), null),
    },
    streams: {
      'networks.changes': (_args, sink) => watcher.subscribe((change) => sink.next(change)),
    },
  };
}
