import type { EngineEndpoint, EngineInfo, EngineStatus } from '../../../src-common/models/engine-status';
import { describeProblem, type ConnectionProblem } from './connection-problems';
import { deadlines } from './deadlines';
import type { DockerClient } from './docker-client';
import type { ResolvedEndpoint } from './endpoint';
import { socketErrorText } from './engine-errors';
import { engineMessages } from './engine-messages';
import type { RawVersion } from './engine-types';

export type StatusListener = (status: EngineStatus) => void;

export interface EngineConnection {
  current(): EngineStatus;
  /** Called with every status change; returns the unsubscribe. */
  onStatus(listener: StatusListener): () => void;
  start(): void;
  /** Try now instead of waiting for the next backoff step. */
  reconnectNow(): void;
  /** Drop the connection (and its events stream) and connect again at once, resolving the endpoint afresh. */
  reconnect(): void;
  /** The events stream is open: once it has stayed up for `stableMs`, the backoff starts over. */
  reportOpened(): void;
  /**
   * The events stream failed to open, ended or failed while connected. After a stream
   * that stayed up, Berth checks again at once; while it keeps failing (a good ping but
   * `/events` refused), the status says why and the next try backs off.
   */
  reportLost(reason: unknown): void;
  /** The client for the current endpoint; null before the first attempt or when no endpoint resolves. */
  client(): DockerClient | null;
  dispose(): void;
}

export interface ConnectionOptions {
  resolve: () => ResolvedEndpoint;
  createClient: (resolved: ResolvedEndpoint) => DockerClient;
  initialBackoffMs?: number;
  maxBackoffMs?: number;
  /** How long ping and version may take before the engine counts as not answering. */
  answerTimeoutMs?: number;
  /** How long the events stream must stay up before its failures are forgiven. */
  stableMs?: number;
}

/** 250, 500, 1000, 2000, 4000, 4000, … for failures 1, 2, 3, … */
export function backoffDelay(failures: number, initialMs = 250, maxMs = 4000): number {
  return Math.min(maxMs, initialMs * 2 ** Math.max(0, failures - 1));
}

/** "Docker Engine" or "Podman Engine" and the rest of what /version says. */
export function engineInfoFromVersion(v: RawVersion): EngineInfo {
  const names = [v.Platform?.Name ?? '', ...(v.Components ?? []).map((c) => c.Name ?? '')];
  const isPodman = names.some((n) => /podman/i.test(n));
  return {
    name: isPodman ? engineMessages.podmanEngine : engineMessages.dockerEngine,
    version: v.Version ?? 'unknown',
    apiVersion: v.ApiVersion ?? 'unknown',
    os: v.Os ?? 'unknown',
    arch: v.Arch ?? 'unknown',
    ...(v.KernelVersion ? { kernelVersion: v.KernelVersion } : {}),
  };
}

/** The connected engine says it is Podman (its compatible API differs in places: docs/ARCHITECTURE.md). */
export function engineIsPodman(status: EngineStatus): boolean {
  return status.state === 'connected' && status.engine.name === engineMessages.podmanEngine;
}

const sameEndpoint = (a: EngineEndpoint, b: EngineEndpoint) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The engine status machine. connecting → (ping + version) → connected, or unreachable
 * with a retry on exponential backoff. While connected nothing here touches the engine:
 * the events hub reports a lost stream, and that is the only way back to connecting.
 *
 * Health is the events stream staying up, not a good ping: an engine (or a socket proxy)
 * that answers `/_ping` but refuses `/events` would otherwise be asked again at once,
 * forever. So `failures` is reset only once the stream has stayed up for `stableMs`.
 */
export function createConnection(options: ConnectionOptions): EngineConnection {
  const initialMs = options.initialBackoffMs ?? 250;
  const maxMs = options.maxBackoffMs ?? 4000;
  const answerTimeoutMs = options.answerTimeoutMs ?? deadlines.connectMs;
  const stableMs = options.stableMs ?? 5000;
  let stableTimer: NodeJS.Timeout | undefined;
  const listeners = new Set<StatusListener>();
  let status: EngineStatus = { state: 'connecting', endpoint: null };
  let client: DockerClient | null = null;
  let failures = 0;
  let attemptId = 0;
  let retryTimer: NodeJS.Timeout | undefined;
  let started = false;
  let disposed = false;

  const setStatus = (next: EngineStatus) => {
    status = next;
    for (const listener of [...listeners]) listener(next);
  };

  const unreachable = (endpoint: EngineEndpoint | null, { error, hint, problem }: ConnectionProblem) => {
    failures += 1;
    const retryInMs = backoffDelay(failures, initialMs, maxMs);
    setStatus({ state: 'unreachable', endpoint, error, hint, retryInMs, problem });
    clearTimeout(retryTimer);
    retryTimer = setTimeout(() => void attempt(), retryInMs);
  };

  async function attempt(): Promise<void> {
    if (disposed) return;
    clearTimeout(retryTimer);
    const id = ++attemptId;
    let current: DockerClient;
    try {
      // Resolved again every time: a context switch or a socket that appeared is picked up.
      const resolved = options.resolve();
      if (!client || !sameEndpoint(client.endpoint, resolved.endpoint)) {
        client?.close();
        client = null;
        client = options.createClient(resolved);
      }
      current = client;
    } catch (err) {
      client?.close();
      client = null;
      unreachable(null, { error: socketErrorText(err), hint: engineMessages.endpointSettingHint, problem: 'bad-endpoint' });
      return;
    }
    setStatus({ state: 'connecting', endpoint: current.endpoint });
    let route = '/_ping';
    try {
      await current.ping(answerTimeoutMs);
      route = '/version';
      const version = await current.version(answerTimeoutMs);
      if (id !== attemptId || disposed) return;
      // Not failures = 0: only an events stream that stays up proves the engine usable.
      setStatus({ state: 'connected', endpoint: current.endpoint, engine: engineInfoFromVersion(version) });
    } catch (err) {
      if (id !== attemptId || disposed) return;
      unreachable(current.endpoint, describeProblem(err, route));
    }
  }

  return {
    current: () => status,
    onStatus(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    start() {
      if (started || disposed) return;
      started = true;
      void attempt();
    },
    reconnectNow() {
      if (!started || disposed || status.state === 'connected') return;
      void attempt();
    },
    reconnect() {
      if (!started || disposed) return;
      clearTimeout(stableTimer);
      failures = 0;
      void attempt();
    },
    reportOpened() {
      if (disposed || status.state !== 'connected') return;
      clearTimeout(stableTimer);
      stableTimer = setTimeout(() => (failures = 0), stableMs);
    },
    reportLost(reason) {
      if (disposed || status.state !== 'connected') return;
      clearTimeout(stableTimer);
      if (failures === 0) {
        // A stream that had stayed up: the engine probably restarted; check at once.
        failures = 1;
        void attempt();
        return;
      }
      attemptId += 1; // an attempt in flight is older than this loss
      unreachable(status.endpoint, describeProblem(reason, '/events'));
    },
    client: () => client,
    dispose() {
      disposed = true;
      attemptId += 1;
      clearTimeout(retryTimer);
      clearTimeout(stableTimer);
      listeners.clear();
      client?.close();
      client = null;
    },
  };
}
