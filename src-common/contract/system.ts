import { z } from 'zod';
import { call, type CallSpec } from './define';
import { ContainerId } from '../models/container';
import {
  BuildCachePrunePreview,
  BuildCachePruneResult,
  ContainerPrunePreview,
  ContainerPruneResult,
  DiskUsage,
} from '../models/system';

/** Engine label filters ("key" or "key=value"); the preview considers only objects matching all of them. */
const LabelFilters = z.array(z.string().min(1).max(512)).max(16).optional();
const BuildCacheId = z.string().regex(/^[a-z0-9]{1,64}$/, 'a build cache record id');

// Feature contract: calls of the disk usage page, spread into calls.ts.
export const systemCalls = {
  'system.diskUsage': call({
    doc:
      'Images, containers, local volumes and build cache — count, active, size, reclaimable — from ' +
      '`/system/df`. Expensive (the engine walks layers and volumes): only when asked.',
    request: z.object({}).strict(),
    response: DiskUsage,
  }),
  'containers.prunePreview': call({
    doc: 'Exactly the containers containers.prune would remove: every one that is not running, paused or restarting.',
    request: z.object({ labels: LabelFilters }).strict(),
    response: ContainerPrunePreview,
  }),
  'containers.prune': call({
    doc:
      'Remove the containers the preview listed (`ids`), each only if it is still stopped; their anonymous ' +
      'volumes stay (as with `docker container prune`). Returns what went and the bytes their layers held.',
    request: z.object({ ids: z.array(ContainerId).max(10_000) }).strict(),
    response: ContainerPruneResult,
  }),
  'buildCache.prunePreview': call({
    doc:
      'Exactly the build cache records buildCache.prune would remove: unused ones nothing else holds, ' +
      'or with `all` every unused one.',
    request: z.object({ all: z.boolean() }).strict(),
    response: BuildCachePrunePreview,
  }),
  'buildCache.prune': call({
    doc: "Remove exactly the listed build cache records (the engine's prune restricted to their ids).",
    request: z.object({ all: z.boolean(), ids: z.array(BuildCacheId).max(10_000) }).strict(),
    response: BuildCachePruneResult,
  }),
} as const satisfies Record<string, CallSpec>;
