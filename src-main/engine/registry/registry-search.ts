import { ApiError } from '../../../src-common/contract/errors';
import type { HubSearchResponse } from '../../../src-common/models/registries';
import type { DockerClient } from '../connection/docker-client';
import { classifyRegistryFailure, reasonOf } from './registry-errors';
import { registryMessages } from './registry-messages';

interface RawSearchResult {
  name?: string;
  description?: string;
  star_count?: number;
  is_official?: boolean;
  is_automated?: boolean;
}

/** Docker Hub search through the engine (the engine, not Berth, needs the internet). */
export async function searchDockerHub(client: DockerClient, term: string, limit: number): Promise<HubSearchResponse> {
  try {
    const raw = await client.request<RawSearchResult[]>({
      method: 'GET',
      path: '/images/search',
      query: { term, limit },
      action: 'search Docker Hub for',
      object: term,
    });
    return {
      ok: true,
      results: (raw ?? []).map((r) => ({
        name: r.name ?? '',
        description: r.description ?? '',
        stars: r.star_count ?? 0,
        official: r.is_official ?? false,
        automated: r.is_automated ?? false,
      })),
    };
  } catch (err) {
    if (err instanceof ApiError && err.code === 'engine-unreachable') throw err;
    const failure = classifyRegistryFailure(reasonOf(err), 'Docker Hub', term, 'search');
    return { ok: false, message: failure.kind === 'network' ? registryMessages.hubUnreachable(reasonOf(err)) : failure.message };
  }
}
