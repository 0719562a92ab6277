import type { ApiHandlers } from '../../src-common/contract/handlers';
import type { Engine } from '../engine/index';

/**
 * One handler per contract call and one opener per stream. Requests arrive already
 * validated by dispatch; engine failures arrive already mapped to ApiErrors.
 */
export function createApiHandlers(engine: Engine): ApiHandlers {
  const { containers } = engine;
  return {
    calls: {
      'engine.getStatus': async () => engine.connection.current(),
      'engine.reconnect': async () => {
        engine.connection.reconnectNow();
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
