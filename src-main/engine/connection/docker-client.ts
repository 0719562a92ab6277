// The only file that imports dockerode: everything else in the engine talks to this
// narrow, typed surface, and every failure leaves here already mapped to an ApiError.
import { Agent as HttpAgent, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import Docker from 'dockerode';
import type { EngineEndpoint } from '../../../src-common/models/engine-status';
import type { ResolvedEndpoint } from './endpoint';
import { statusCodeOf, toApiError, type ErrorContext } from './engine-errors';
import { CHUNKED_RESPONSE, rawHttpGet } from './raw-http-get';
import type {
  BuildImageOptions,
  CreateContainerSpec,
  EngineFilters,
  RawContainerInspect,
  RawContainerSummary,
  RawVersion,
  RawVolume,
} from './engine-types';

/** A container as the caller knows it; the name makes error messages readable. */
export interface ContainerRef {
  id: string;
  name?: string;
}

export interface RemoveContainerOptions {
  force: boolean;
  /** The engine's `v=1`: anonymous volumes only; named volumes always stay. */
  removeAnonymousVolumes: boolean;
}

/**
 * One engine API request, for feature modules (images, logs, exec, build, registries)
 * that need endpoints this surface does not name. The modem handles the socket, TLS,
 * ssh and the API version; failures come back mapped to ApiErrors like every call here.
 */
export interface EngineRequest {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'HEAD';
  /** API path without the version prefix, e.g. `/images/json` or `/containers/abc/logs`. */
  path: string;
  query?: Record<string, unknown>;
  /** JSON body (POST). */
  body?: unknown;
  /** A byte stream body instead, e.g. a build context or an image tar to load. */
  upload?: NodeJS.ReadableStream;
  /** Content-Type of `upload` (default application/x-tar). */
  uploadType?: string;
  /** Sent as X-Registry-Auth (base64url JSON). Never logged, never part of an error. */
  registryAuth?: Record<string, string>;
  /** Sent as X-Registry-Config (build: credentials per registry). */
  registryConfig?: Record<string, Record<string, string>>;
  /**
   * 'json' (default): the parsed body. 'stream': the response stream (logs, pull progress,
   * save). 'hijack': the raw duplex socket after the upgrade (exec and attach with stdin).
   */
  response?: 'json' | 'stream' | 'hijack';
  /** With 'hijack': keep stdin open. */
  openStdin?: boolean;
  /** Aborts the request (and destroys its stream). */
  signal?: AbortSignal;
  /** For the error message: "Cannot <action> <object>: <engine's reason>". */
  action: string;
  object?: string;
  /** Statuses that count as success besides 200, 201 and 204 (e.g. 304). */
  alsoOk?: readonly number[];
}

export interface DockerClient {
  readonly endpoint: EngineEndpoint;
  /** The escape hatch for feature modules; see EngineRequest. */
  request<T = unknown>(req: EngineRequest): Promise<T>;
  /**
   * A GET whose body is read straight off the socket (raw-http-get.ts): for long
   * streams the engine flushes line by line, such as a big log. Falls back to the modem
   * where that cannot be done (TLS, ssh).
   */
  streamGet(req: Pick<EngineRequest, 'path' | 'signal' | 'action' | 'object'> & { query: Record<string, string | number> }): Promise<NodeJS.ReadableStream>;
  ping(): Promise<void>;
  version(): Promise<RawVersion>;
  listContainers(filters?: EngineFilters): Promise<RawContainerSummary[]>;
  inspectContainer(ref: ContainerRef): Promise<RawContainerInspect>;
  createContainer(spec: CreateContainerSpec): Promise<{ id: string }>;
  startContainer(ref: ContainerRef): Promise<void>;
  stopContainer(ref: ContainerRef, timeoutSeconds?: number): Promise<void>;
  restartContainer(ref: ContainerRef): Promise<void>;
  pauseContainer(ref: ContainerRef): Promise<void>;
  unpauseContainer(ref: ContainerRef): Promise<void>;
  killContainer(ref: ContainerRef, signal?: string): Promise<void>;
  removeContainer(ref: ContainerRef, options: RemoveContainerOptions): Promise<void>;
  /** The raw `/events` response; the socket has keepalive on so a dead peer ends it. */
  getEvents(filters: EngineFilters): Promise<NodeJS.ReadableStream & { destroy(): void }>;
  /** Starts a build; the returned stream is the engine's JSON-lines progress. */
  buildImage(context: NodeJS.ReadableStream, options: BuildImageOptions): Promise<NodeJS.ReadableStream>;
  imageExists(reference: string): Promise<boolean>;
  createVolume(name: string, labels: Record<string, string>): Promise<void>;
  listVolumes(filters?: EngineFilters): Promise<RawVolume[]>;
  volumeExists(name: string): Promise<boolean>;
  removeVolume(name: string): Promise<void>;
  /** Closes pooled connections so the process can exit. */
  close(): void;
}

const KEEPALIVE_MS = 10_000;

export function containerLabel(ref: ContainerRef): string {
  if (ref.name) return `container ${ref.name.replace(/^\//, '')}`;
  return `container ${/^[0-9a-f]{64}$/.test(ref.id) ? ref.id.slice(0, 12) : ref.id}`;
}

function dockerodeOptions(dial: ResolvedEndpoint['dial'], agent: HttpAgent | undefined): Docker.DockerOptions {
  // dockerode merges its own reading of process.env under ours; naming every key keeps
  // a DOCKER_HOST in the environment from overriding the endpoint we resolved.
  const base = { host: undefined, port: undefined, socketPath: undefined, protocol: undefined } as Docker.DockerOptions;
  switch (dial.kind) {
    case 'socket':
      return { ...base, socketPath: dial.socketPath, ...(agent ? { agent } : {}) };
    case 'tcp':
      return {
        ...base,
        host: dial.host,
        port: dial.port,
        protocol: dial.protocol,
        ...(dial.ca ? { ca: dial.ca } : {}),
        ...(dial.cert ? { cert: dial.cert } : {}),
        ...(dial.key ? { key: dial.key } : {}),
        ...(agent ? { agent } : {}),
      };
    case 'ssh':
      return {
        ...base,
        host: dial.host,
        port: dial.port,
        protocol: 'ssh',
        ...(dial.username ? { username: dial.username } : {}),
        sshOptions: dial.sshAgent ? { agent: dial.sshAgent } : {},
      };
  }
}

function createAgent(dial: ResolvedEndpoint['dial']): HttpAgent | undefined {
  if (dial.kind === 'ssh') return undefined; // docker-modem brings its own ssh agent
  if (dial.kind === 'tcp' && dial.protocol === 'https') {
    return new HttpsAgent({ keepAlive: true, keepAliveMsecs: KEEPALIVE_MS, rejectUnauthorized: dial.rejectUnauthorized });
  }
  return new HttpAgent({ keepAlive: true, keepAliveMsecs: KEEPALIVE_MS });
}

async function alreadyDoneIsDone(action: Promise<unknown>): Promise<void> {
  try {
    await action;
  } catch (err) {
    if (statusCodeOf(err) !== 304) throw err;
  }
}

const OK_STATUSES = [200, 201, 204] as const;

function dialEngine<T>(docker: Docker, req: EngineRequest): Promise<T> {
  const statusCodes: Record<number, boolean | string> = {
    400: 'bad parameter',
    401: 'unauthorized',
    403: 'forbidden',
    404: 'not found',
    409: 'conflict',
    500: 'server error',
  };
  for (const code of [...OK_STATUSES, ...(req.alsoOk ?? [])]) statusCodes[code] = true;
  // The modem reads the query from `_query` and a POST body from `_body`; a path with a
  // trailing "?" tells it to build a query string at all.
  const options: Record<string, unknown> = {};
  if (req.query && Object.keys(req.query).length) options._query = req.query;
  if (req.body !== undefined) options._body = req.body;
  const modemOptions = {
    path: `${req.path}?`,
    method: req.method,
    options,
    statusCodes,
    isStream: req.response === 'stream' || req.response === 'hijack',
    hijack: req.response === 'hijack',
    openStdin: req.openStdin ?? false,
    allowEmpty: req.body !== undefined,
    ...(req.upload ? { file: req.upload, headers: { 'Content-Type': req.uploadType ?? 'application/x-tar' } } : {}),
    ...(req.registryAuth ? { authconfig: req.registryAuth } : {}),
    ...(req.registryConfig ? { registryconfig: req.registryConfig } : {}),
    ...(req.signal ? { abortSignal: req.signal } : {}),
  };
  return new Promise<T>((resolve, reject) => {
    docker.modem.dial(modemOptions as unknown as Parameters<typeof docker.modem.dial>[0], (err: unknown, data: unknown) =>
      err ? reject(err) : resolve(jsonNullAsNull(data) as T),
    );
  });
}

/**
 * The modem parses a JSON body but hands over the raw bytes when the value is falsy, so
 * the engine's `null` (GET /containers/{id}/changes for a container that changed
 * nothing) arrived as a Buffer of "null\n" — which callers then read as a list.
 */
function jsonNullAsNull(data: unknown): unknown {
  return Buffer.isBuffer(data) && data.length <= 8 && data.toString('latin1').trim() === 'null' ? null : data;
}

export function createDockerClient(resolved: ResolvedEndpoint): DockerClient {
  const { endpoint, dial } = resolved;
  const agent = createAgent(dial);
  const docker = new Docker(dockerodeOptions(dial, agent));

  async function run<T>(context: Omit<ErrorContext, 'endpoint'>, fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (err) {
      throw toApiError(err, { ...context, endpoint });
    }
  }
  const onContainer = (ref: ContainerRef, action: string, fn: (c: Docker.Container) => Promise<unknown>) =>
    run({ action, object: containerLabel(ref) }, async () => {
      await fn(docker.getContainer(ref.id));
    });

  const request = <T,>(req: EngineRequest): Promise<T> =>
    run({ action: req.action, ...(req.object ? { object: req.object } : {}) }, () => dialEngine<T>(docker, req));

  return {
    endpoint,
    request,
    streamGet: (req) =>
      run({ action: req.action, ...(req.object ? { object: req.object } : {}) }, async () => {
        const raw = rawHttpGet(dial, req.path, req.query, req.signal);
        if (raw) {
          try {
            return await raw;
          } catch (err) {
            if ((err as { code?: unknown }).code !== CHUNKED_RESPONSE) throw err;
          }
        }
        return dialEngine<NodeJS.ReadableStream>(docker, { ...req, method: 'GET', response: 'stream' });
      }),
    ping: () => run({ action: 'ping the engine' }, async () => void (await docker.ping())),
    version: () => run({ action: 'read the engine version' }, async () => (await docker.version()) as RawVersion),
    listContainers: (filters) =>
      run({ action: 'list containers' }, async () => {
        const list = await docker.listContainers({ all: true, ...(filters ? { filters } : {}) });
        return list as unknown as RawContainerSummary[];
      }),
    inspectContainer: (ref) =>
      run(
        { action: 'inspect', object: containerLabel(ref) },
        async () => (await docker.getContainer(ref.id).inspect()) as unknown as RawContainerInspect,
      ),
    createContainer: (spec) =>
      run({ action: 'create', object: spec.name ? `container ${spec.name}` : 'a container' }, async () => {
        const container = await docker.createContainer(spec as Docker.ContainerCreateOptions);
        return { id: container.id };
      }),
    // 304 means the container is already in the state asked for: done, as the docker CLI
    // treats it. A user clicking Stop just as the container exits should see no error.
    startContainer: (ref) => onContainer(ref, 'start', (c) => alreadyDoneIsDone(c.start())),
    stopContainer: (ref, timeoutSeconds) =>
      onContainer(ref, 'stop', (c) => alreadyDoneIsDone(c.stop(timeoutSeconds === undefined ? {} : { t: timeoutSeconds }))),
    restartContainer: (ref) => onContainer(ref, 'restart', (c) => c.restart()),
    pauseContainer: (ref) => onContainer(ref, 'pause', (c) => c.pause()),
    unpauseContainer: (ref) => onContainer(ref, 'unpause', (c) => c.unpause()),
    killContainer: (ref, signal) => onContainer(ref, 'kill', (c) => c.kill(signal ? { signal } : {})),
    removeContainer: (ref, options) =>
      onContainer(ref, 'remove', (c) => c.remove({ force: options.force, v: options.removeAnonymousVolumes })),
    getEvents: (filters) =>
      run({ action: 'follow engine events' }, async () => {
        const stream = (await docker.getEvents({ filters })) as unknown as IncomingMessage;
        // A unix socket has no keepalive (the kernel tells us when the peer goes);
        // for TCP this is what notices a peer that vanished without closing.
        stream.socket?.setKeepAlive?.(true, KEEPALIVE_MS);
        return stream;
      }),
    buildImage: (context, options) =>
      run({ action: 'build', object: `image ${options.t}` }, async () => {
        const query = { t: options.t, rm: options.rm ?? true, ...(options.labels ? { labels: options.labels } : {}) };
        return (await docker.buildImage(context, query)) as NodeJS.ReadableStream;
      }),
    imageExists: (reference) =>
      run({ action: 'inspect', object: `image ${reference}` }, async () => {
        try {
          await docker.getImage(reference).inspect();
          return true;
        } catch (err) {
          if ((err as { statusCode?: number }).statusCode === 404) return false;
          throw err;
        }
      }),
    createVolume: (name, labels) =>
      run({ action: 'create', object: `volume ${name}` }, async () => void (await docker.createVolume({ Name: name, Labels: labels }))),
    listVolumes: (filters) =>
      run({ action: 'list volumes' }, async () => {
        const res = await docker.listVolumes(filters ? { filters } : {});
        return (res.Volumes ?? []) as unknown as RawVolume[];
      }),
    volumeExists: (name) =>
      run({ action: 'inspect', object: `volume ${name}` }, async () => {
        try {
          await docker.getVolume(name).inspect();
          return true;
        } catch (err) {
          if ((err as { statusCode?: number }).statusCode === 404) return false;
          throw err;
        }
      }),
    removeVolume: (name) => run({ action: 'remove', object: `volume ${name}` }, async () => void (await docker.getVolume(name).remove())),
    close: () => agent?.destroy(),
  };
}
