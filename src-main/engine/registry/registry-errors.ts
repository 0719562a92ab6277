import type { TransferFailureKind } from '../../../src-common/models/registries';
import { ApiError } from '../../../src-common/contract/errors';
import { engineReason } from '../connection/engine-errors';
import { registryMessages } from './registry-messages';

export interface RegistryFailure {
  kind: TransferFailureKind;
  message: string;
}

const NOT_FOUND = [/manifest unknown/i, /not found/i, /repository does not exist/i, /name unknown/i];
const UNAUTHORIZED = [
  /unauthorized/i,
  /no basic auth credentials/i,
  /authentication required/i,
  // The status code, not a port number such as 127.0.0.1:40185.
  /(?<![:\d])\b401\b/,
  /denied/i,
  /incorrect username or password/i,
];
const NETWORK = [
  /dial tcp/i,
  /no such host/i,
  /i\/o timeout/i,
  /connection refused/i,
  /network is unreachable/i,
  /TLS handshake timeout/i,
  /server gave HTTP response to HTTPS client/i,
  /context deadline exceeded/i,
];

/** The engine's own words for a failed request, without the "Cannot pull image x:" our errors add. */
export function reasonOf(err: unknown): string {
  const inner = err instanceof ApiError ? err.cause : err;
  if (inner === undefined) return (err as Error).message;
  return engineReason(inner);
}

/**
 * Turns what the engine said about a registry into one of a few kinds and a sentence a
 * person can act on, keeping the engine's words at the end for the curious.
 * "pull access denied" is Docker Hub's answer both for a missing and a private
 * repository, so it counts as not found with a hint to log in.
 */
export function classifyRegistryFailure(
  reason: string,
  registry: string,
  ref: string,
  action: 'pull' | 'push' | 'login' | 'search',
): RegistryFailure {
  if (/pull access denied/i.test(reason)) return { kind: 'not-found', message: registryMessages.notFoundOrPrivate(ref, registry, reason) };
  if (NETWORK.some((p) => p.test(reason))) return { kind: 'network', message: registryMessages.unreachable(registry, reason) };
  if (UNAUTHORIZED.some((p) => p.test(reason))) return { kind: 'unauthorized', message: registryMessages.unauthorized(registry, action, reason) };
  if (action !== 'login' && NOT_FOUND.some((p) => p.test(reason))) {
    return { kind: 'not-found', message: action === 'push' ? registryMessages.localMissing(ref, reason) : registryMessages.notFound(ref, registry, reason) };
  }
  return { kind: 'other', message: registryMessages.other(action, ref || registry, reason) };
}
