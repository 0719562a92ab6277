import { z } from 'zod';

/** One row of the disk usage page, counted the way `docker system df` counts it. */
export const UsageCategory = z.object({
  count: z.number().int(),
  /** Images used by a container, running containers, volumes in use, build cache in use. */
  active: z.number().int(),
  /** Bytes. */
  size: z.number(),
  /** Bytes a clean-up of the category could free. */
  reclaimable: z.number(),
});
export type UsageCategory = z.infer<typeof UsageCategory>;

export const BuildCacheRecord = z.object({
  id: z.string(),
  type: z.string(),
  description: z.string(),
  inUse: z.boolean(),
  /** Shared with an image: removing the record frees nothing the image still holds. */
  shared: z.boolean(),
  size: z.number(),
  lastUsedAt: z.string().nullable(),
});
export type BuildCacheRecord = z.infer<typeof BuildCacheRecord>;

export const DiskUsage = z.object({
  /** Unix ms when the engine answered. */
  measuredAt: z.number(),
  /** How long the engine took (it walks every layer and volume). */
  tookMs: z.number(),
  images: UsageCategory,
  containers: UsageCategory,
  volumes: UsageCategory,
  buildCache: UsageCategory,
  /** Volume name → bytes (-1: the driver cannot tell). */
  volumeSizes: z.record(z.string(), z.number()),
});
export type DiskUsage = z.infer<typeof DiskUsage>;

export const StoppedContainer = z.object({
  id: z.string(),
  name: z.string(),
  image: z.string(),
  state: z.string(),
  /** Bytes of its writable layer, which is what removing it frees. */
  size: z.number().nullable(),
});
export type StoppedContainer = z.infer<typeof StoppedContainer>;

export const ContainerPrunePreview = z.object({
  /** Exactly the containers containers.prune would remove: every one not running, paused or restarting. */
  items: z.array(StoppedContainer),
});
export type ContainerPrunePreview = z.infer<typeof ContainerPrunePreview>;

export const RemovalFailure = z.object({ name: z.string(), message: z.string() });

export const ContainerPruneResult = z.object({
  removed: z.array(z.object({ id: z.string(), name: z.string() })),
  failed: z.array(RemovalFailure),
  spaceReclaimed: z.number(),
});
export type ContainerPruneResult = z.infer<typeof ContainerPruneResult>;

export const BuildCachePrunePreview = z.object({
  /** false: only records nothing else holds (not shared, not internal/frontend); true: every unused record. */
  all: z.boolean(),
  items: z.array(BuildCacheRecord),
  /** Bytes the engine will report: what the listed records hold. */
  estimatedSpace: z.number(),
});
export type BuildCachePrunePreview = z.infer<typeof BuildCachePrunePreview>;

export const BuildCachePruneResult = z.object({
  removed: z.array(z.string()),
  /** The engine's own count. */
  spaceReclaimed: z.number(),
});
export type BuildCachePruneResult = z.infer<typeof BuildCachePruneResult>;
