import {
  ApiError,
  type ApiHandlers,
  type ContainerChange,
  type ContainerSummary,
  type EngineStatus,
  type StreamSink,
} from '../../../src-common/index';
import { defaultSettings } from '../../../src-common/models/settings';
import { createCannedTerminal, type CannedTerminalStats } from './canned-terminal';
import { emptyHistory } from '../../engine/stats/stats-history';

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
  /** What the canned terminal.session stream sent (see canned-terminal.ts). */
  readonly terminal: CannedTerminalStats;
  /** `containers.stop` of id "hold" waits until this is called: a call that stays in flight. */
  releaseHeld(): void;
  readonly heldCalls: number;
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
  // Unknown times: the engine's words are shown as they are, the same on every run.
  startedAt: null,
  finishedAt: null,
  exitCode: null,
  ports: [],
  labels: { 'berth.test': '1' },
  composeProject: null,
  composeService: null,
};

export const CANNED_STATUS: EngineStatus = { state: 'connecting', endpoint: null };

export interface CannedOptions {
  /** containers.changes writes this many snapshot chunks at once, to outrun any reader. */
  floodChunks?: number;
  /**
   * containers.list answers this many containers, the same array to every call, as
   * coalesced engine reads do (one container when absent).
   */
  listSize?: number;
}

const notCanned = async (): Promise<never> => {
  throw new ApiError('not-found', 'Not part of the canned handlers.');
};
/** Images: an empty engine. */
const cannedImageCalls = {
  'images.list': async () => [],
  'images.inspect': notCanned,
  'images.layers': notCanned,
  'images.family': async () => ({ roots: [], sizes: {}, layerless: [] }),
  'images.remove': notCanned,
  'images.tag': notCanned,
  'images.prunePreview': notCanned,
  'images.prune': notCanned,
  'images.save': notCanned,
  'images.load': notCanned,
  'images.pickTarFile': async () => null,
  'containers.writableLayerSize': notCanned,
  'containers.changedPaths': notCanned,
} satisfies Partial<ApiHandlers['calls']>;
/** Registries: no logins, no Docker Hub. */
const cannedRegistryCalls = {
  'registries.overview': async () => ({
    logins: [],
    storage: { configDir: '/nonexistent', credsStore: null, encryptedStore: { available: false as const, reason: 'canned' } },
    warnings: [],
  }),
  'registries.login': notCanned,
  'registries.logout': notCanned,
  'registries.searchHub': async () => ({ ok: false as const, message: 'Not part of the canned handlers.' }),
} satisfies Partial<ApiHandlers['calls']>;
/** Build and run: nothing to build or run here. */
const cannedBuildRunCalls = {
  'run.options': async () => ({ networks: [], hostCpus: null, hostMemoryBytes: null }),
  'run.start': notCanned,
  'build.pickContext': async () => ({ supported: false, path: null }),
  'build.checkContext': notCanned,
} satisfies Partial<ApiHandlers['calls']>;
/** Volumes, files and disk usage: no volumes, nothing to browse or measure. */
const cannedStorageCalls = {
  'volumes.list': async () => [],
  'volumes.create': notCanned,
  'volumes.remove': notCanned,
  'volumes.measureSizes': notCanned,
  'volumes.prunePreview': notCanned,
  'volumes.prune': notCanned,
  'files.stat': notCanned,
  'files.readText': notCanned,
  'files.download': notCanned,
  'files.uploadOffer': notCanned,
  'files.pickAndUpload': notCanned,
  'system.diskUsage': notCanned,
  'containers.prunePreview': notCanned,
  'containers.prune': notCanned,
  'buildCache.prunePreview': notCanned,
  'buildCache.prune': notCanned,
} satisfies Partial<ApiHandlers['calls']>;
/** Networks: an empty list; nothing to create or connect. */
const cannedNetworkCalls = {
  'networks.list': async () => [],
  'networks.inspect': notCanned,
  'networks.create': notCanned,
  'networks.removeCheck': notCanned,
  'networks.remove': notCanned,
  'networks.prunePreview': async () => ({ networks: [] }),
  'networks.prune': async () => ({ removed: [] }),
  'networks.connect': notCanned,
  'networks.disconnect': notCanned,
} satisfies Partial<ApiHandlers['calls']>;
const endNotCanned = (_args: unknown, sink: StreamSink<never>) => {
  sink.end({ reason: 'error', error: { code: 'not-found', message: 'Not part of the canned handlers.' } });
  return () => undefined;
};

export function createCannedHandlers(options: CannedOptions = {}): CannedHandlers {
  const opened: string[] = [];
  const cancelled: string[] = [];
  const statusSinks = new Set<StreamSink<EngineStatus>>();
  const nothing = async (): Promise<null> => null;
  const terminalStats: CannedTerminalStats = { sentBytes: 0, pauses: 0, resumes: 0 };
  const terminal = createCannedTerminal(terminalStats);
  let held: (() => void)[] = [];
  const list =
    options.listSize === undefined
      ? [CANNED_CONTAINER]
      : Array.from({ length: options.listSize }, (_, i) => ({ ...CANNED_CONTAINER, id: `c${i}`, name: `web-${i}` }));

  return {
    releaseHeld() {
      const release = held;
      held = [];
      for (const r of release) r();
    },
    get heldCalls() {
      return held.length;
    },
    terminal: terminalStats,
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
      'engine.resync': nothing,
      'containers.list': async () => list,
      'containers.inspect': async ({ id }) => {
        throw new ApiError('not-found', `No container "${id}".`, `container ${id}`);
      },
      'containers.start': nothing,
      'containers.stop': async ({ id }) => {
        if (id === 'hold') await new Promise<void>((resolve) => held.push(resolve));
        return null;
      },
      'containers.restart': nothing,
      'containers.pause': nothing,
      'containers.unpause': nothing,
      'containers.kill': nothing,
      'containers.remove': nothing,
      'settings.get': async () => ({ settings: defaultSettings(), loadProblem: null, hostMode: 'browser' as const }),
      'settings.update': async () => defaultSettings(),
      'settings.acknowledgeLoadProblem': nothing,
      'engine.contexts': async () => [],
      ...cannedImageCalls,
      ...cannedBuildRunCalls,
      ...cannedRegistryCalls,
      ...cannedStorageCalls,
      ...cannedNetworkCalls,
      ...terminal.calls,
      'logs.download': notCanned,
      'stats.watch': nothing,
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
      'build.run': endNotCanned,
      'registries.pull': endNotCanned,
      'registries.push': endNotCanned,
      'images.changes': (_args, sink) => {
        sink.next({ kind: 'snapshot', images: [] });
        return () => undefined;
      },
      ...terminal.streams,
      'logs.follow': endNotCanned,
      'volumes.changes': (_args, sink) => {
        sink.next({ kind: 'snapshot', volumes: [] });
        return () => undefined;
      },
      'volumes.browse': endNotCanned,
      'files.list': endNotCanned,
      'networks.changes': (_args, sink) => {
        sink.next({ kind: 'snapshot', networks: [] });
        return () => undefined;
      },
      'activity.events': (_args, sink) => {
        sink.next({ kind: 'reset', capacity: 5000 });
        return () => undefined;
      },
      // Open and silent: the canned engine has no usage to report.
      'stats.live': () => () => undefined,
      'stats.history': (_args, sink) => {
        sink.next({ kind: 'history', history: emptyHistory() });
        return () => undefined;
      },
      'settings.changes': (_args, sink) => {
        sink.next(defaultSettings());
        return () => undefined;
      },
    },
  };
}
