import { containerLabel, type DockerClient } from '../connection/docker-client';
import { ApiError } from '../../../src-common/contract/errors';

/** No stats answer may hold a tick up longer than this (a hung engine, a frozen container). */
export const STATS_REQUEST_TIMEOUT_MS = 5000;

export type FetchResult = { kind: 'answer'; raw: unknown; receivedAt: number } | { kind: 'gone' } | { kind: 'failed' };

/**
 * `one-shot` (API 1.41+) answers at once with a single reading and no `precpu_stats`;
 * without it, `stream=false` makes Docker wait for its next collection (about 1–2 s) to
 * fill `precpu_stats`, which Berth does not need since it keeps its own previous reading.
 */
export function supportsOneShot(apiVersion: string | undefined): boolean {
  if (!apiVersion) return false;
  const [major = 0, minor = 0] = apiVersion.split('.').map(Number);
  return major > 1 || (major === 1 && minor >= 41);
}

/**
 * One reading of one container, with a deadline. A container that stopped or went away
 * meanwhile (404, 409) is 'gone'; any other failure only skips this reading.
 */
export async function fetchStats(client: DockerClient, id: string, oneShot: boolean, now: () => number): Promise<FetchResult> {
  try {
    const raw = await client.request<unknown>({
      method: 'GET',
      path: `/containers/${encodeURIComponent(id)}/stats`,
      query: oneShot ? { stream: 'false', 'one-shot': 'true' } : { stream: 'false' },
      signal: AbortSignal.timeout(STATS_REQUEST_TIMEOUT_MS),
      action: 'read the resource usage of',
      object: containerLabel({ id }),
    });
    return { kind: 'answer', raw, receivedAt: now() };
  } catch (err) {
    if (err instanceof ApiError && (err.code === 'not-found' || err.code === 'conflict')) return { kind: 'gone' };
    return { kind: 'failed' };
  }
}
