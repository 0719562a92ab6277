// The only file that imports dockerode, and only for ssh endpoints: everything else in
// the engine talks to this narrow, typed surface, every request goes over Berth's own
// HTTP client (engine-http.ts) with a deadline, and every failure leaves here already
// mapped to an ApiError.
import { Agent as HttpAgent, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import Docker from 'dockerode';
import type { EngineEndpoint } from '../../../src-common/models/engine-status';
import { deadlines, stopDeadlineMs } from './deadlines';
import type { DialOptions, ResolvedEndpoint } from './endpoint';
import { abortError, ENGINE_TIMEOUT, engineHttp, engineQueryString, type HttpDial } from './engine-http';
import { callName, toApiError } from './engine-errors';
import { CHUNKED_RESPONSE, rawHttpGet } from './raw-http-get';
import { createSingleFlight } from './single-flight';
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
 * that need endpoints this surface does not name. Berth's HTTP client handles the
 * socket and TLS (docker-modem only ssh); failures come back mapped to ApiErrors like
 * every call here. Identical GETs of JSON in flight at once share one engine request.
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
   * 'text': the body as it is, for answers Berth does not read (Podman answers some calls
   * with a plain "OK" where Docker sends nothing).
   */
  response?: 'json' | 'text' | 'stream' | 'hijack';
  /** With 'hijack': keep stdin open. */
  openStdin?: boolean;
  /** Aborts the request (and destroys its stream). */
  signal?: AbortSignal;
  /**
   * The deadline in ms: for the whole answer of a JSON call (default 15 s, `deadlines.ts`),
   * for the headers of a stream or hijack (after them a stream has none). Past it the
   * request is destroyed and the call fails with 'engine-timeout' naming it.
   */
  timeoutMs?: number;
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
  streamGet(
    req: Pick<EngineRequest, 'path' | 'signal' | 'action' | 'object' | 'timeoutMs'> & { query: Record<string, string | number> },
  ): Promise<NodeJS.ReadableStream>;
  ping(timeoutMs?: number): Promise<void>;
  version(timeoutMs?: number): Promise<RawVersion>;
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

export interface DockerClientOptions {
  /** The deadline of calls that name none (default `deadlines.defaultMs`); tests shorten it. */
  defaultTimeoutMs?: number;
}

export function containerLabel(ref: ContainerRef): string {
  if (ref.name) return `container ${ref.name.replace(/^\//, '')}`;
  return `container ${/^[0-9a-f]{64}$/.test(ref.id) ? ref.id.slice(0, 12) : ref.id}`;
}

function createAgent(dial: DialOptions): HttpAgent {
  if (dial.kind === 'tcp' && dial.protocol === 'https') {
    return new HttpsAgent({ keepAlive: true, keepAliveMsecs: KEEPALIVE_MS, rejectUnauthorized: dial.rejectUnauthorized });
  }
  return new HttpAgent({ keepAlive: true, keepAliveMsecs: KEEPALIVE_MS });
}

function sshModem(dial: Extract<DialOptions, { kind: 'ssh' }>): Docker {
  // dockerode merges its own reading of process.env under ours; naming every key keeps
  // a DOCKER_HOST in the environment from overriding the endpoint we resolved.
  return new Docker({
    socketPath: undefined,
    host: dial.host,
    port: dial.port,
    protocol: 'ssh',
    ...(dial.username ? { username: dial.username } : {}),
    sshOptions: dial.sshAgent ? { agent: dial.sshAgent } : {},
  } as Docker.DockerOptions);
}

/**
 * A request over ssh, through docker-modem (which brings the ssh tunnel). The query goes
 * in `_query` and the path has a "?" only when there is one: without `_query` the modem
 * would build the query string from every option, the body included
 * (`POST /auth?_body={…password…}`). The deadline is an abort signal the modem honours.
 */
function dialModem<T>(docker: Docker, req: EngineRequest, timeoutMs: number): Promise<T> {
  const statusCodes: Record<number, boolean | string> = { 400: 'bad parameter', 401: 'unauthorized', 403: 'forbidden', 404: 'not found', 409: 'conflict', 500: 'server error' };
  for (const code of [200, 201, 204, ...(req.alsoOk ?? [])]) statusCodes[code] = true;
  const hasQuery = engineQueryString(req.query) !== '';
  const deadline = new AbortController();
  const timer = timeoutMs > 0 ? setTimeout(() => deadline.abort(), timeoutMs) : undefined;
  const onAbort = () => deadline.abort();
  req.signal?.addEventListener('abort', onAbort, { once: true });
  const modemOptions = {
    path: hasQuery ? `${req.path}?` : req.path,
    method: req.method,
    options: { ...(hasQuery ? { _query: req.query } : {}), ...(req.body !== undefined ? { _body: req.body } : {}) },
    statusCodes,
    isStream: req.response === 'stream' || req.response === 'hijack',
    hijack: req.response === 'hijack',
    openStdin: req.openStdin ?? false,
    allowEmpty: req.body !== undefined,
    abortSignal: deadline.signal,
    ...(req.upload ? { file: req.upload, headers: { 'Content-Type': req.uploadType ?? 'application/x-tar' } } : {}),
    ...(req.registryAuth ? { authconfig: req.registryAuth } : {}),
    ...(req.registryConfig ? { registryconfig: req.registryConfig } : {}),
  };
  return new Promise<T>((resolve, reject) => {
    docker.modem.dial(modemOptions as unknown as Parameters<typeof docker.modem.dial>[0], (err: unknown, data: unknown) => {
      clearTimeout(timer);
      req.signal?.removeEventListener('abort', onAbort);
      if (!err) return resolve(jsonNullAsNull(data) as T);
      if (req.signal?.aborted) return reject(abortError());
      if (deadline.signal.aborted) return reject(Object.assign(new Error('The engine did not answer in time'), { code: ENGINE_TIMEOUT, timeoutMs }));
      reject(err);
    });
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

function authHeaders(req: EngineRequest): Record<string, string> {
  const headers: Record<string, string> = {};
  // URL-safe base64 with its padding: the engine decodes with Go's base64.URLEncoding,
  // which refuses the unpadded form ('base64url').
  if (req.registryAuth) {
    headers['X-Registry-Auth'] = Buffer.from(JSON.stringify(req.registryAuth)).toString('base64').replace(/\+/g, '-').replace(/\//g, '_');
  }
  if (req.registryConfig) headers['X-Registry-Config'] = Buffer.from(JSON.stringify(req.registryConfig)).toString('base64');
  return headers;
}

export function createDockerClient(resolved: ResolvedEndpoint, options: DockerClientOptions = {}): DockerClient {
  const { endpoint, dial } = resolved;
  const defaultTimeoutMs = options.defaultTimeoutMs ?? deadlines.defaultMs;
  const agent = createAgent(dial);
  const modem = dial.kind === 'ssh' ? sshModem(dial) : null;
  const reads = createSingleFlight();

  const send = <T,>(req: EngineRequest, response: 'json' | 'text' | 'stream' | 'hijack', timeoutMs: number): Promise<T> => {
    if (modem) return dialModem<T>(modem, { ...req, response: response === 'text' ? 'json' : response }, timeoutMs);
    return engineHttp<T>(dial as HttpDial, agent, {
      method: req.method,
      path: req.path,
      query: req.query,
      body: req.body,
      upload: req.upload,
      uploadType: req.uploadType,
      headers: authHeaders(req),
      response,
      alsoOk: req.alsoOk,
      timeoutMs,
      signal: req.signal,
      label: callName(req),
    });
  };

  const call = <T,>(req: EngineRequest, response: 'json' | 'text' | 'stream' | 'hijack' = req.response ?? 'json'): Promise<T> => {
    const streaming = response === 'stream' || response === 'hijack';
    const timeoutMs = req.timeoutMs ?? (streaming ? deadlines.streamHeadersMs : defaultTimeoutMs);
    const context = { action: req.action, endpoint, ...(req.object ? { object: req.object } : {}) };
    const go = () => send<T>(req, response, timeoutMs).catch((err: unknown) => Promise.reject(toApiError(err, context)));
    const shareable = req.method === 'GET' && !streaming && req.signal === undefined && req.body === undefined;
    return shareable ? reads.run(`${response} ${req.path}${engineQueryString(req.query)}`, go) : go();
  };
  const request = <T,>(req: EngineRequest): Promise<T> => call<T>(req);

  const onContainer = (ref: ContainerRef, action: string, method: EngineRequest['method'], suffix: string, extra: Partial<EngineRequest> = {}) =>
    call<unknown>({ method, path: `/containers/${encodeURIComponent(ref.id)}${suffix}`, action, object: containerLabel(ref), ...extra }).then(() => undefined);

  const exists = (path: string, object: string) =>
    call<unknown>({ method: 'GET', path, action: 'inspect', object }).then(
      () => true,
      (err: unknown) => {
        if ((err as { code?: unknown }).code === 'not-found') return false;
        throw err;
      },
    );

  return {
    endpoint,
    request,
    streamGet: async (req) => {
      const raw = rawHttpGet(dial, req.path, req.query, req.signal, req.timeoutMs ?? deadlines.streamHeadersMs);
      if (raw) {
        try {
          return await raw;
        } catch (err) {
          if ((err as { code?: unknown }).code !== CHUNKED_RESPONSE) {
            throw toApiError(err, { action: req.action, endpoint, ...(req.object ? { object: req.object } : {}) });
          }
        }
      }
      return call<NodeJS.ReadableStream>({ ...req, method: 'GET' }, 'stream');
    },
    ping: (timeoutMs) => call<unknown>({ method: 'GET', path: '/_ping', action: 'ping the engine', ...(timeoutMs ? { timeoutMs } : {}) }, 'text').then(() => undefined),
    version: (timeoutMs) => call<RawVersion>({ method: 'GET', path: '/version', action: 'read the engine version', ...(timeoutMs ? { timeoutMs } : {}) }),
    listContainers: (filters) =>
      call<RawContainerSummary[]>({ method: 'GET', path: '/containers/json', query: { all: 1, ...(filters ? { filters } : {}) }, action: 'list containers' }),
    inspectContainer: (ref) =>
      call<RawContainerInspect>({ method: 'GET', path: `/containers/${encodeURIComponent(ref.id)}/json`, action: 'inspect', object: containerLabel(ref) }),
    createContainer: async (spec) => {
      const { name, ...body } = spec;
      const created = await call<{ Id: string }>({
        method: 'POST',
        path: '/containers/create',
        ...(name ? { query: { name } } : {}),
        body,
        action: 'create',
        object: name ? `container ${name}` : 'a container',
      });
      return { id: created.Id };
    },
    // 304 means the container is already in the state asked for: done, as the docker CLI
    // treats it. A user clicking Stop just as the container exits should see no error.
    startContainer: (ref) => onContainer(ref, 'start', 'POST', '/start', { alsoOk: [304] }),
    stopContainer: (ref, timeoutSeconds) =>
      onContainer(ref, 'stop', 'POST', '/stop', {
        alsoOk: [304],
        timeoutMs: stopDeadlineMs(timeoutSeconds),
        ...(timeoutSeconds === undefined ? {} : { query: { t: timeoutSeconds } }),
      }),
    restartContainer: (ref) => onContainer(ref, 'restart', 'POST', '/restart', { timeoutMs: stopDeadlineMs(undefined) }),
    pauseContainer: (ref) => onContainer(ref, 'pause', 'POST', '/pause'),
    unpauseContainer: (ref) => onContainer(ref, 'unpause', 'POST', '/unpause'),
    killContainer: (ref, signal) => onContainer(ref, 'kill', 'POST', '/kill', signal ? { query: { signal } } : {}),
    removeContainer: (ref, options) =>
      onContainer(ref, 'remove', 'DELETE', '', {
        query: { force: options.force, v: options.removeAnonymousVolumes },
        timeoutMs: deadlines.slowMs,
      }),
    getEvents: async (filters) => {
      const stream = await call<IncomingMessage>({ method: 'GET', path: '/events', query: { filters }, action: 'follow engine events' }, 'stream');
      // A unix socket has no keepalive (the kernel tells us when the peer goes);
      // for TCP this is what notices a peer that vanished without closing.
      stream.socket?.setKeepAlive?.(true, KEEPALIVE_MS);
      return stream;
    },
    buildImage: (context, options) =>
      call<NodeJS.ReadableStream>(
        {
          method: 'POST',
          path: '/build',
          query: { t: options.t, rm: options.rm ?? true, ...(options.labels ? { labels: options.labels } : {}) },
          upload: context,
          action: 'build',
          object: `image ${options.t}`,
        },
        'stream',
      ),
    imageExists: (reference) => exists(`/images/${encodeURIComponent(reference)}/json`, `image ${reference}`),
    createVolume: (name, labels) =>
      call<unknown>({ method: 'POST', path: '/volumes/create', body: { Name: name, Labels: labels }, action: 'create', object: `volume ${name}` }).then(() => undefined),
    listVolumes: async (filters) => {
      const res = await call<{ Volumes?: RawVolume[] | null } | null>({ method: 'GET', path: '/volumes', ...(filters ? { query: { filters } } : {}), action: 'list volumes' });
      return res?.Volumes ?? [];
    },
    volumeExists: (name) => exists(`/volumes/${encodeURIComponent(name)}`, `volume ${name}`),
    removeVolume: (name) =>
      call<unknown>({ method: 'DELETE', path: `/volumes/${encodeURIComponent(name)}`, action: 'remove', object: `volume ${name}`, timeoutMs: deadlines.slowMs }).then(() => undefined),
    close: () => agent.destroy(),
  };
}
