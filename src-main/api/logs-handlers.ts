import type { FeatureHandlers } from '../../src-common/contract/handlers';
import type { logCalls, logStreams } from '../../src-common/contract/logs';
import type { Engine } from '../engine/index';
import { createLogsService } from '../engine/logs/logs-service';
import type { AppHost } from './app-host';

export function createLogHandlers(engine: Engine, host: AppHost): FeatureHandlers<typeof logCalls, typeof logStreams> {
  const logs = createLogsService({
    requireClient: engine.requireClient,
    events: engine.events,
    apiVersion: () => {
      const status = engine.connection.current();
      return status.state === 'connected' ? status.engine.apiVersion : undefined;
    },
  });
  return {
    calls: {
      'logs.download': async ({ id, timestamps }) => host.offerDownload(await logs.download(id, { timestamps })),
    },
    streams: {
      // Batches leave the engine side at most every ~16 ms or 64 KB (see logs-batcher.ts);
      // while the view is behind, the engine's log streams are paused (flow.ts).
      'logs.follow': ({ target, tail, keep }, sink) => {
        let follow: { pause(): void; resume(): void } | null = null;
        let behind = false;
        const started = logs.follow(target, tail, {
          next: (chunk) => {
            if (!sink.next(chunk) && !behind) {
              behind = true;
              follow?.pause();
            }
          },
          end: (error) => sink.end(error ? { reason: 'error', error } : { reason: 'complete' }),
        }, keep === undefined ? {} : { keep });
        follow = started;
        if (behind) started.pause();
        sink.onDrain(() => {
          behind = false;
          started.resume();
        });
        return () => started.cancel();
      },
    },
  };
}
