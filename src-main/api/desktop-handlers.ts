import type { FeatureHandlers } from '../../src-common/contract/handlers';
import type { desktopCalls, desktopStreams } from '../../src-common/contract/desktop';
import type { Engine } from '../engine/index';
import type { AppHost } from './app-host';

export function createDesktopHandlers(
  engine: Engine,
  host: AppHost,
): FeatureHandlers<typeof desktopCalls, typeof desktopStreams> {
  const { settings } = host;
  // The notice about a kept-aside settings file is shown once, not on every page load.
  let problemAcknowledged = false;
  return {
    calls: {
      'settings.get': async () => ({
        settings: settings.get(),
        loadProblem: problemAcknowledged ? null : settings.loadProblem(),
        hostMode: host.mode,
      }),
      'settings.update': (patch) => settings.update(patch),
      'settings.acknowledgeLoadProblem': async () => {
        problemAcknowledged = true;
        return null;
      },
      'engine.contexts': async () => engine.connection.contexts(),
    },
    streams: {
      'settings.changes': (_args, sink) => {
        sink.next(settings.get());
        return settings.onChange((next) => sink.next(next));
      },
    },
  };
}
