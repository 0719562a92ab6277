import type { BuildCacheRecord, DiskUsage, UsageCategory } from '../../../src-common/models/system';
import type { DockerClient } from '../connection/docker-client';
import type { RawDiskUsage } from './system-types';

/** The engine walks every layer, writable layer and volume: give it time, but not forever. */
export const DISK_USAGE_DEADLINE_MS = 120_000;
/**
 * Engine 20.10 runs one `/system/df` at a time and refuses another meanwhile ("a disk usage
 * operation is already running": the CLI, another Berth). Asked again after these pauses.
 */
export const BUSY_RETRY_MS = [250, 500, 1000, 2000, 4000, 8000];
const BUSY = /disk usage operation is already running/i;

/**
 * `docker system df`'s rows, counted the way the docker CLI 20.10 counts them, so the page
 * and the CLI agree on the same engine:
 * - images: size = all layers once; active = used by a container; what those use alone is
 *   not reclaimable;
 * - containers: size = writable layers; running, paused and restarting ones are active and
 *   their layers not reclaimable;
 * - volumes (local only, as the engine reports): unknown sizes (-1) count as nothing;
 *   referenced ones are active, unreferenced ones reclaimable;
 * - build cache: size = the records not shared with an image (as the CLI sums them, not the
 *   engine's BuilderSize); in-use ones are not reclaimable.
 */
export function summarizeDiskUsage(raw: RawDiskUsage): Omit<DiskUsage, 'measuredAt' | 'tookMs'> {
  const images = raw.Images ?? [];
  // Podman (4.x) sends VirtualSize 0 and LayersSize 0, with each image's Size and SharedSize.
  const sizeOf = (i: (typeof images)[number]) => (i.VirtualSize ? i.VirtualSize : (i.Size ?? -1));
  let used = 0;
  for (const i of images) {
    if (!i.Containers) continue;
    const size = sizeOf(i);
    if (size === -1 || i.SharedSize === -1) continue;
    used += size - (i.SharedSize ?? 0);
  }
  // Without a layer total (Podman), each image's own part plus, once, the part images share:
  // Podman's SharedSize is what of an image other images use too, mostly one base and the
  // layers built on it, so the largest shared part stands for them (exact for one chain,
  // low where unrelated bases are shared). Summing the shared parts counted a base once per
  // image; leaving them out counted nothing when every image was built on another (a build
  // with intermediate images: each one's Size was all shared).
  const shared = (i: (typeof images)[number]) => Math.max(i.SharedSize ?? 0, 0);
  const unique = images.reduce((sum, i) => sum + Math.max(sizeOf(i) - shared(i), 0), 0);
  const sharedOnce = images.reduce((most, i) => Math.max(most, Math.min(shared(i), Math.max(sizeOf(i), 0))), 0);
  const layers = raw.LayersSize ? raw.LayersSize : unique + sharedOnce;
  const imageRow: UsageCategory = {
    count: images.length,
    active: images.filter((i) => (i.Containers ?? 0) > 0).length,
    size: layers,
    reclaimable: Math.max(layers - used, 0),
  };

  const containers = raw.Containers ?? [];
  const active = (state: string | undefined) => /running|paused|restarting/.test(state ?? '');
  const containerRow: UsageCategory = { count: containers.length, active: 0, size: 0, reclaimable: 0 };
  for (const c of containers) {
    const size = c.SizeRw ?? 0;
    containerRow.size += size;
    if (active(c.State)) containerRow.active += 1;
    else containerRow.reclaimable += size;
  }

  const volumes = raw.Volumes ?? [];
  const volumeRow: UsageCategory = { count: volumes.length, active: 0, size: 0, reclaimable: 0 };
  const volumeSizes: Record<string, number> = {};
  for (const v of volumes) {
    const size = v.UsageData?.Size ?? -1;
    const refs = v.UsageData?.RefCount ?? 0;
    volumeSizes[v.Name] = size;
    if (refs > 0) volumeRow.active += 1;
    if (size === -1) continue;
    volumeRow.size += size;
    if (refs === 0) volumeRow.reclaimable += size;
  }

  const cache = raw.BuildCache ?? [];
  // Not the engine's BuilderSize: that counts records shared with images, whose bytes the images hold.
  const builderSize = cache.filter((r) => !r.Shared).reduce((sum, r) => sum + (r.Size ?? 0), 0);
  const inUse = cache.filter((r) => r.InUse && !r.Shared).reduce((sum, r) => sum + (r.Size ?? 0), 0);
  const cacheRow: UsageCategory = {
    count: cache.length,
    active: cache.filter((r) => r.InUse).length,
    size: builderSize,
    reclaimable: Math.max(builderSize - inUse, 0),
  };
  return { images: imageRow, containers: containerRow, volumes: volumeRow, buildCache: cacheRow, volumeSizes };
}

export function toBuildCacheRecords(raw: RawDiskUsage): BuildCacheRecord[] {
  return (raw.BuildCache ?? []).map((r) => ({
    id: r.ID,
    type: r.Type ?? 'regular',
    description: r.Description ?? '',
    inUse: r.InUse ?? false,
    shared: r.Shared ?? false,
    size: r.Size ?? 0,
    lastUsedAt: r.LastUsedAt ?? null,
  }));
}

export interface DiskUsageMeter {
  /** A fresh `/system/df`; callers asking while one is on its way share it. */
  measure(): Promise<{ usage: DiskUsage; raw: RawDiskUsage }>;
  /** The latest measurement, or null. */
  last(): DiskUsage | null;
  /** The measurement on its way, if one is. */
  pending(): Promise<{ usage: DiskUsage; raw: RawDiskUsage }> | null;
}

export function createDiskUsageMeter(deps: { requireClient(): DockerClient; now?: () => number; sleep?: (ms: number) => Promise<void> }): DiskUsageMeter {
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const now = deps.now ?? Date.now;
  let latest: DiskUsage | null = null;
  let inFlight: Promise<{ usage: DiskUsage; raw: RawDiskUsage }> | null = null;

  async function run(): Promise<{ usage: DiskUsage; raw: RawDiskUsage }> {
    const started = now();
    const deadline = AbortSignal.timeout(DISK_USAGE_DEADLINE_MS);
    let raw: RawDiskUsage | undefined;
    for (let attempt = 0; raw === undefined; attempt++) {
      try {
        raw = await deps.requireClient().request<RawDiskUsage>({ method: 'GET', path: '/system/df', action: 'measure disk usage', signal: deadline, timeoutMs: DISK_USAGE_DEADLINE_MS });
      } catch (err) {
        const pause = BUSY_RETRY_MS[attempt];
        if (pause === undefined || !(err instanceof Error && BUSY.test(err.message))) throw err;
        await sleep(pause);
      }
    }
    const finished = now();
    const usage: DiskUsage = { measuredAt: finished, tookMs: finished - started, ...summarizeDiskUsage(raw) };
    latest = usage;
    return { usage, raw };
  }

  return {
    measure() {
      inFlight ??= run().finally(() => {
        inFlight = null;
      });
      return inFlight;
    },
    last: () => latest,
    pending: () => inFlight,
  };
}
