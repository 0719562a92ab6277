import type { EngineEndpoint, EngineInfo, EngineStatus } from '../../../src-common/models/engine-status';
import type { DockerClient } from './docker-client';
import type { ResolvedEndpoint } from './endpoint';
import { socketErrorCode, socketErrorText } from './engine-errors';
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
  /** The events stream ended or failed while connected: go back to connecting and check. */
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

function hintFor(err: unknown): string {
  const code = socketErrorCode(err);
  if (code === 'EACCES' || code === 'EPERM') return engineMessages.permissionHint;
  return engineMessages.startEngineHint;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(engineMessages.noAnswer(ms))), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

const sameEndpoint = (a: EngineEndpoint, b: EngineEndpoint) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The engine status machine. connecting → (ping + version) → connected, or unreachable
 * with a retry on exponential backoff. While connected nothing here touches the engine:
 * the events hub reports a lost stream, and that is the only way back to connecting.
 */
export function createConnection(options: ConnectionOptions): EngineConnection {
  const initialMs = options.initialBackoffMs ?? 250;
  const maxMs = options.maxBackoffMs ?? 4000;
  const answerTimeoutMs = options.answerTimeoutMs ?? 5000;
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

  const unreachable = (endpoint: EngineEndpoint | null, error: string, hint: string) => {
    failures += 1;
    const retryInMs = backoffDelay(failures, initialMs, maxMs);
    setStatus({ state: 'unreachable', endpoint, error, hint, retryInMs });
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
      unreachable(null, socketErrorText(err), engineMessages.endpointSettingHint);
      return;
    }
    setStatus({ state: 'connecting', endpoint: current.endpoint });
    try {
      await withTimeout(current.ping(), answerTimeoutMs);
      const version = await withTimeout(current.version(), answerTimeoutMs);
      if (id !== attemptId || disposed) return;
      failures = 0;
      setStatus({ state: 'connected', endpoint: current.endpoint, engine: engineInfoFromVersion(version) });
    } catch (err) {
      if (id !== attemptId || disposed) return;
      unreachable(current.endpoint, socketErrorText(err), hintFor(err));
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
    reportLost() {
      if (disposed || status.state !== 'connected') return;
      void attempt();
    },
    client: () => client,
    dispose() {
      disposed = true;
      attemptId += 1;
      clearTimeout(retryTimer);
      listeners.clear();
      client?.close();
      client = null;
    },
  };
}
