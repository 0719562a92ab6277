import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { EngineEndpoint } from '../../../src-common/models/engine-status';

/** How to reach the engine, in the terms the HTTP client needs. */
export type DialOptions =
  | { kind: 'socket'; socketPath: string }
  | {
      kind: 'tcp';
      host: string;
      port: number;
      protocol: 'http' | 'https';
      ca?: Buffer;
      cert?: Buffer;
      key?: Buffer;
      /** False only for a context with SkipTLSVerify or DOCKER_TLS without verify. */
      rejectUnauthorized: boolean;
    }
  | { kind: 'ssh'; host: string; port: number; username?: string; sshAgent?: string };

export interface ResolvedEndpoint {
  endpoint: EngineEndpoint;
  dial: DialOptions;
}

/** The reads the resolver makes, so tests can stand in for a machine without sockets. */
export interface EndpointFs {
  exists(path: string): boolean;
  /** null when the file does not exist. */
  read(path: string): Buffer | null;
}

export interface ResolveEndpointInput {
  env?: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
  homeDir?: string;
  fs?: EndpointFs;
  /** The user's choice in Berth's settings; it wins over DOCKER_HOST and the current context. */
  override?: EndpointOverride | null;
}

/** A docker context by name, or an address like DOCKER_HOST; null/absent means the docker CLI's rules. */
export interface EndpointOverride {
  context?: string;
  dockerHost?: string;
}

/** The source named in statuses and errors for an address typed in Berth's settings. */
export const SETTINGS_SOURCE = 'Berth settings';

/** An address or context that cannot be used; resolving again will not help until it is fixed. */
export class EndpointError extends Error {
  override readonly name = 'EndpointError';
}

const nodeFs: EndpointFs = {
  exists: (path) => existsSync(path),
  read: (path) => {
    try {
      return readFileSync(path);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
  },
};

const DOCKER_SOCKET = '/var/run/docker.sock';
const WINDOWS_PIPE = '//./pipe/docker_engine';

interface TlsFiles {
  ca: Buffer | null;
  cert: Buffer | null;
  key: Buffer | null;
}

interface TlsSettings {
  enabled: boolean;
  verify: boolean;
  files: TlsFiles;
  /** Where the files came from, for error messages. */
  dir: string;
}

function readTlsFiles(fs: EndpointFs, dir: string): TlsFiles {
  return { ca: fs.read(join(dir, 'ca.pem')), cert: fs.read(join(dir, 'cert.pem')), key: fs.read(join(dir, 'key.pem')) };
}

/**
 * Turns a host string (DOCKER_HOST or a context's Endpoints.docker.Host) into an endpoint,
 * following the docker CLI: a bare "host:port" means tcp, an empty unix:// path means the
 * default socket, tcp defaults to port 2375 (2376 with TLS).
 */
export function parseHost(host: string, source: string, tls: TlsSettings, env: NodeJS.ProcessEnv): ResolvedEndpoint {
  const trimmed = host.trim();
  const sep = trimmed.indexOf('://');
  const scheme = sep < 0 ? 'tcp' : trimmed.slice(0, sep).toLowerCase();
  const rest = sep < 0 ? trimmed : trimmed.slice(sep + 3);
  const invalid = (why: string) =>
    new EndpointError(
      `${source} "${host}" is not a valid engine address (${why}). ` +
        'Use unix:///path/to/socket, tcp://host:port, ssh://user@host or npipe:////./pipe/name.',
    );
  switch (scheme) {
    case 'unix': {
      const socketPath = rest === '' ? DOCKER_SOCKET : rest;
      if (!socketPath.startsWith('/')) throw invalid('the socket path must be absolute');
      return socketEndpoint('unix', socketPath, source);
    }
    case 'npipe': {
      const pipe = rest === '' ? WINDOWS_PIPE : rest;
      return socketEndpoint('npipe', pipe, source);
    }
    case 'tcp':
      return tcpEndpoint(rest, source, tls, invalid);
    case 'ssh':
      return sshEndpoint(trimmed, source, env, invalid);
    default:
      throw invalid(`unsupported scheme "${scheme}"`);
  }
}

function socketEndpoint(kind: 'unix' | 'npipe', path: string, source: string): ResolvedEndpoint {
  return {
    endpoint: { kind, address: path, source, tls: false, display: `${kind}://${path}` },
    dial: { kind: 'socket', socketPath: path },
  };
}

function tcpEndpoint(
  rest: string,
  source: string,
  tls: TlsSettings,
  invalid: (why: string) => EndpointError,
): ResolvedEndpoint {
  let url: URL;
  try {
    url = new URL(`tcp://${rest}`);
  } catch {
    throw invalid('cannot parse host and port');
  }
  if (url.hostname === '') throw invalid('no host name');
  if (url.pathname !== '' && url.pathname !== '/') throw invalid('a path is not allowed');
  const port = url.port === '' ? (tls.enabled ? 2376 : 2375) : Number(url.port);
  const hostname = url.hostname.replace(/^\[(.*)\]$/, '$1');
  const address = `${url.hostname}:${port}`;
  const endpoint: EngineEndpoint = { kind: 'tcp', address, source, tls: tls.enabled, display: `tcp://${address}` };
  if (!tls.enabled) {
    return { endpoint, dial: { kind: 'tcp', host: hostname, port, protocol: 'http', rejectUnauthorized: true } };
  }
  if (tls.verify && tls.files.ca === null) {
    throw new EndpointError(`TLS verification is on for ${source} but there is no ca.pem in ${tls.dir}.`);
  }
  const dial: DialOptions = {
    kind: 'tcp',
    host: hostname,
    port,
    protocol: 'https',
    rejectUnauthorized: tls.verify,
    ...(tls.files.ca ? { ca: tls.files.ca } : {}),
    ...(tls.files.cert && tls.files.key ? { cert: tls.files.cert, key: tls.files.key } : {}),
  };
  return { endpoint, dial };
}

function sshEndpoint(
  host: string,
  source: string,
  env: NodeJS.ProcessEnv,
  invalid: (why: string) => EndpointError,
): ResolvedEndpoint {
  let url: URL;
  try {
    url = new URL(host);
  } catch {
    throw invalid('cannot parse ssh address');
  }
  if (url.hostname === '') throw invalid('no host name');
  if (url.password !== '') throw invalid('a password in the address is not supported; use an ssh key');
  const username = url.username === '' ? undefined : decodeURIComponent(url.username);
  const port = url.port === '' ? 22 : Number(url.port);
  const userAt = username ? `${username}@` : '';
  const address = `${userAt}${url.hostname}${url.port === '' ? '' : `:${port}`}`;
  const sshAgent = env.SSH_AUTH_SOCK;
  return {
    endpoint: { kind: 'ssh', address, source, tls: false, display: `ssh://${address}` },
    dial: {
      kind: 'ssh',
      host: url.hostname.replace(/^\[(.*)\]$/, '$1'),
      port,
      ...(username ? { username } : {}),
      ...(sshAgent ? { sshAgent } : {}),
    },
  };
}

const isSet = (v: string | undefined): v is string => v !== undefined && v !== '';

function configDir(env: NodeJS.ProcessEnv, home: string): string {
  return isSet(env.DOCKER_CONFIG) ? env.DOCKER_CONFIG : join(home, '.docker');
}

function currentContextName(env: NodeJS.ProcessEnv, fs: EndpointFs, dir: string): string | null {
  if (isSet(env.DOCKER_CONTEXT)) return env.DOCKER_CONTEXT;
  const raw = fs.read(join(dir, 'config.json'));
  if (raw === null) return null;
  let config: unknown;
  try {
    config = JSON.parse(raw.toString('utf8'));
  } catch {
    throw new EndpointError(`${join(dir, 'config.json')} is not valid JSON.`);
  }
  const name = (config as { currentContext?: unknown } | null)?.currentContext;
  return typeof name === 'string' && name !== '' ? name : null;
}

interface ContextMeta {
  Endpoints?: { docker?: { Host?: unknown; SkipTLSVerify?: unknown } };
}

function contextEndpoint(name: string, dir: string, fs: EndpointFs, env: NodeJS.ProcessEnv): ResolvedEndpoint {
  const hash = createHash('sha256').update(name).digest('hex');
  const metaPath = join(dir, 'contexts', 'meta', hash, 'meta.json');
  const raw = fs.read(metaPath);
  const source = `docker context "${name}"`;
  if (raw === null) {
    throw new EndpointError(`The ${source} does not exist (no ${metaPath}). Run \`docker context ls\` to see the contexts.`);
  }
  let meta: ContextMeta;
  try {
    meta = JSON.parse(raw.toString('utf8')) as ContextMeta;
  } catch {
    throw new EndpointError(`The ${source} is damaged: ${metaPath} is not valid JSON.`);
  }
  const docker = meta.Endpoints?.docker;
  if (typeof docker?.Host !== 'string' || docker.Host === '') {
    throw new EndpointError(`The ${source} has no docker endpoint.`);
  }
  const tlsDir = join(dir, 'contexts', 'tls', hash, 'docker');
  const files = readTlsFiles(fs, tlsDir);
  const hasTls = files.ca !== null || files.cert !== null;
  const skipVerify = docker.SkipTLSVerify === true;
  return parseHost(docker.Host, source, { enabled: hasTls || skipVerify, verify: !skipVerify, files, dir: tlsDir }, env);
}

function platformDefault(platform: NodeJS.Platform, env: NodeJS.ProcessEnv, fs: EndpointFs): ResolvedEndpoint {
  const source = 'platform default';
  if (platform === 'win32') return socketEndpoint('npipe', WINDOWS_PIPE, source);
  if (fs.exists(DOCKER_SOCKET)) return socketEndpoint('unix', DOCKER_SOCKET, source);
  const podmanCandidates = [
    ...(isSet(env.XDG_RUNTIME_DIR) ? [join(env.XDG_RUNTIME_DIR, 'podman', 'podman.sock')] : []),
    '/run/podman/podman.sock',
  ];
  const podman = podmanCandidates.find((p) => fs.exists(p));
  // With nothing there, name Docker's socket so the error points where most users expect.
  return socketEndpoint('unix', podman ?? DOCKER_SOCKET, source);
}

function fromDockerHostEnv(host: string, env: NodeJS.ProcessEnv, fs: EndpointFs, dir: string): ResolvedEndpoint {
  const verify = isSet(env.DOCKER_TLS_VERIFY);
  const enabled = verify || isSet(env.DOCKER_TLS);
  const certDir = isSet(env.DOCKER_CERT_PATH) ? env.DOCKER_CERT_PATH : dir;
  const files: TlsFiles = enabled ? readTlsFiles(fs, certDir) : { ca: null, cert: null, key: null };
  return parseHost(host, 'DOCKER_HOST', { enabled, verify, files, dir: certDir }, env);
}

/**
 * Where the engine is, decided as the docker CLI decides it: DOCKER_HOST, then
 * DOCKER_CONTEXT, then the config's currentContext ("default" meaning none), then the
 * platform's socket. Throws EndpointError when the setting points nowhere usable.
 */
export function resolveEndpoint(input: ResolveEndpointInput = {}): ResolvedEndpoint {
  const env = input.env ?? process.env;
  const platform = input.platform ?? process.platform;
  const fs = input.fs ?? nodeFs;
  const home = input.homeDir ?? homedir();
  const dir = configDir(env, home);
  const override = input.override;

  if (override && isSet(override.dockerHost)) {
    const noTls: TlsSettings = { enabled: false, verify: false, files: { ca: null, cert: null, key: null }, dir };
    return parseHost(override.dockerHost, SETTINGS_SOURCE, noTls, env);
  }
  if (override && isSet(override.context)) {
    if (override.context !== 'default') return contextEndpoint(override.context, dir, fs, env);
    // The CLI's "default" context: DOCKER_HOST when set, else the platform's socket.
    return isSet(env.DOCKER_HOST) ? fromDockerHostEnv(env.DOCKER_HOST, env, fs, dir) : platformDefault(platform, env, fs);
  }
  if (isSet(env.DOCKER_HOST)) return fromDockerHostEnv(env.DOCKER_HOST, env, fs, dir);
  const context = currentContextName(env, fs, dir);
  if (context !== null && context !== 'default') return contextEndpoint(context, dir, fs, env);
  return platformDefault(platform, env, fs);
}

export interface DockerContextEntry {
  name: string;
  /** Its docker endpoint as written in the context; null when it has none or cannot be read. */
  endpoint: string | null;
  description?: string;
  current: boolean;
}

/**
 * The contexts `docker context ls` would show: "default" (DOCKER_HOST or the platform's
 * socket) and every $DOCKER_CONFIG/contexts/meta/<sha256>/meta.json, sorted by name.
 */
export function listDockerContexts(input: Omit<ResolveEndpointInput, 'fs' | 'override'> = {}): DockerContextEntry[] {
  const env = input.env ?? process.env;
  const platform = input.platform ?? process.platform;
  const home = input.homeDir ?? homedir();
  const dir = configDir(env, home);
  let currentName: string | null;
  try {
    currentName = currentContextName(env, nodeFs, dir) ?? 'default';
  } catch {
    currentName = null;
  }
  let defaultEndpoint: string | null;
  try {
    defaultEndpoint = isSet(env.DOCKER_HOST) ? env.DOCKER_HOST : platformDefault(platform, env, nodeFs).endpoint.display;
  } catch {
    defaultEndpoint = null;
  }
  const entries: DockerContextEntry[] = [
    { name: 'default', endpoint: defaultEndpoint, description: 'DOCKER_HOST or the platform default', current: false },
  ];
  const metaRoot = join(dir, 'contexts', 'meta');
  let folders: string[] = [];
  try {
    folders = readdirSync(metaRoot);
  } catch {
    // No contexts folder: only "default".
  }
  for (const folder of folders) {
    const raw = nodeFs.read(join(metaRoot, folder, 'meta.json'));
    if (raw === null) continue;
    let meta: ContextMeta & { Name?: unknown; Metadata?: { Description?: unknown } };
    try {
      meta = JSON.parse(raw.toString('utf8')) as typeof meta;
    } catch {
      continue;
    }
    if (typeof meta.Name !== 'string' || meta.Name === '' || meta.Name === 'default') continue;
    const host = meta.Endpoints?.docker?.Host;
    const description = meta.Metadata?.Description;
    entries.push({
      name: meta.Name,
      endpoint: typeof host === 'string' && host !== '' ? host : null,
      ...(typeof description === 'string' && description !== '' ? { description } : {}),
      current: false,
    });
  }
  const [first, ...rest] = entries;
  const sorted = [first!, ...rest.sort((a, b) => a.name.localeCompare(b.name))];
  return sorted.map((e) => ({ ...e, current: e.name === currentName }));
}
