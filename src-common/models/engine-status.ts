import { z } from 'zod';

/** Where Berth talks to the engine, resolved the way the docker CLI does it. */
export const EngineEndpoint = z.object({
  kind: z.enum(['unix', 'npipe', 'tcp', 'ssh']),
  /** Socket path, pipe path, host:port, or user@host. */
  address: z.string(),
  /** Which rule picked it: DOCKER_HOST, a docker context, or the platform default. */
  source: z.string(),
  tls: z.boolean(),
  /** What the UI shows, e.g. "unix:///var/run/docker.sock". */
  display: z.string(),
});
export type EngineEndpoint = z.infer<typeof EngineEndpoint>;

export const EngineInfo = z.object({
  /** "Docker Engine" or "Podman Engine", from the version response's components. */
  name: z.string(),
  version: z.string(),
  apiVersion: z.string(),
  os: z.string(),
  arch: z.string(),
  kernelVersion: z.string().optional(),
});
export type EngineInfo = z.infer<typeof EngineInfo>;

/**
 * Why the engine cannot be used: not running (nothing at the address), no permission on
 * the socket, no endpoint resolves, running but not answering in time, running but
 * failing (5xx, or answers that are not the engine's API), or refusing (4xx — often a
 * socket proxy that blocks some requests).
 */
export const EngineProblem = z.enum(['not-running', 'no-permission', 'bad-endpoint', 'not-answering', 'failing', 'refusing']);
export type EngineProblem = z.infer<typeof EngineProblem>;

/** The one engine status the whole UI sees. */
export const EngineStatus = z.discriminatedUnion('state', [
  z.object({ state: z.literal('connecting'), endpoint: EngineEndpoint.nullable() }),
  z.object({ state: z.literal('connected'), endpoint: EngineEndpoint, engine: EngineInfo }),
  z.object({
    state: z.literal('unreachable'),
    endpoint: EngineEndpoint.nullable(),
    /** The engine's or the socket's own words. */
    error: z.string(),
    /** How to get an engine running, in plain words. */
    hint: z.string(),
    /** When the next automatic attempt happens, in ms from when this status was sent. */
    retryInMs: z.number().int().nonnegative(),
    /** Which kind of trouble (absent from older servers: read it as 'not-running'). */
    problem: EngineProblem.optional(),
  }),
]);
export type EngineStatus = z.infer<typeof EngineStatus>;

/** This machine: 127.0.0.0/8, ::1 and localhost. */
export function isLoopbackHost(host: string): boolean {
  const h = host.toLowerCase().replace(/^\[(.*)\]$/, '$1');
  return h === 'localhost' || h === '::1' || /^127(\.\d{1,3}){3}$/.test(h);
}

/**
 * An engine reached over plain tcp:// (no TLS) on another machine: whatever Berth sends it
 * crosses the network readable by anyone on the way, and anyone there can also pose as
 * the engine. Registry passwords are therefore not sent to it (src-main/engine/registry).
 */
export function isUnencryptedRemote(endpoint: EngineEndpoint): boolean {
  if (endpoint.kind !== 'tcp' || endpoint.tls) return false;
  const colon = endpoint.address.lastIndexOf(':');
  const host = colon > 0 && !endpoint.address.endsWith(']') ? endpoint.address.slice(0, colon) : endpoint.address;
  return !isLoopbackHost(host);
}
