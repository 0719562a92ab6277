import {
  ApiError,
  type ApiHandlers,
  type ContainerChange,
  type ContainerSummary,
  type EngineStatus,
  type StreamSink,
} from '../../../src-common/index';

/**
 * A real ApiHandlers object with fixed answers, for transport tests: what is under
 * test there is the server, not the engine. It records stream opens and cancels so
 * tests can see that a closed socket released its streams.
 */
export interface CannedHandlers extends ApiHandlers {
  readonly opened: string[];
  readonly cancelled: string[];
  /** Pushes a status to every open engine.status stream. */
  pushStatus(status: EngineStatus): void;
  readonly openStatusStreams: number;
}

export const CANNED_CONTAINER: ContainerSummary = {
  id: 'c0ffee',
  name: 'web-1',
  image: 'busybox:latest',
  imageId: 'sha256:1234',
  command: 'sleep 1000',
  created: 1_700_000_000,
  state: 'running',
  status: 'Up 3 minutes',
  health: null,
  ports: [],
  labels: { 'berth.test': '1' },
  composeProject: null,
  composeService: null,
};

export const CANNED_STATUS: EngineStatus = { state: 'connecting', endpoint: null };

export interface CannedOptions {
  /** containers.changes writes this many snapshot chunks at once, to outrun any reader. */
  floodChunks?: number;
}

export function createCannedHandlers(options: CannedOptions = {}): CannedHandlers {
  const opened: string[] = [];
  const cancelled: string[] = [];
  const statusSinks = new Set<StreamSink<EngineStatus>>();
  const nothing = async (): Promise<null> => null;

  return {
    opened,
    cancelled,
    get openStatusStreams() {
      return statusSinks.size;
    },
    pushStatus(status) {
      for (const sink of statusSinks) sink.next(status);
    },
    calls: {
      'engine.getStatus': async () => CANNED_STATUS,
      'engine.reconnect': nothing,
      'containers.list': async () => [CANNED_CONTAINER],
      'containers.inspect': async ({ id }) => {
        throw new ApiError('not-found', `No container "${id}".`, `container ${id}`);
      },
      'containers.start': nothing,
      'containers.stop': nothing,
      'containers.restart': nothing,
      'containers.pause': nothing,
      'containers.unpause': nothing,
      'containers.kill': nothing,
      'containers.remove': nothing,
    },
    streams: {
      'engine.status': (_args, sink) => {
        opened.push('engine.status');
        statusSinks.add(sink);
        sink.next(CANNED_STATUS);
        return () => {
          cancelled.push('engine.status');
          statusSinks.delete(sink);
        };
      },
      'containers.changes': (_args, sink: StreamSink<ContainerChange>) => {
        opened.push('containers.changes');
        const chunks = options.floodChunks ?? 1;
        const containers = Array.from({ length: 20 }, (_, i) => ({ ...CANNED_CONTAINER, id: `c${i}`, command: 'x'.repeat(500) }));
        for (let i = 0; i < chunks; i++) sink.next({ kind: 'snapshot', containers });
        return () => {
          cancelled.push('containers.changes');
        };
      },
    },
  };
}
