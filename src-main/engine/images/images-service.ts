import { createReadStream } from 'node:fs';
import { checkHostPath } from '../host-paths';
import { ApiError } from '../../../src-common/contract/errors';
import { parseImageRef } from '../../../src-common/image-ref';
import type {
  ChangedPath,
  ImageDetails,
  ImageFamily,
  ImageLayers,
  ImageSummary,
  ImageUser,
  PruneMode,
  PrunePreview,
  PruneResult,
  RemoveImageResult,
  WritableLayerSize,
} from '../../../src-common/models/images';
import type { DockerClient } from '../connection/docker-client';
import type { RawContainerSummary } from '../connection/engine-types';
import { readJsonLines } from '../connection/json-lines';
import { imageLabel, shortId, summaryFromList, toImageDetails, NOT_USED, type UsedBy } from './images-mapper';
import { imageMessages } from './images-messages';
import { planPrune, type PlanImage } from './images-prune-plan';
import type { RawImageDeleteItem, RawImageInspect, RawImageSummary, RawPruneReport } from './images-types';
import type { LayerIndex } from './layers-index';

export interface ImagesServiceDeps {
  requireClient(): DockerClient;
  layers: LayerIndex;
  /** The live list when the watcher has one (cheaper than asking the engine). */
  liveImages(): ImageSummary[] | null;
  containerName(id: string): string | undefined;
}

const enc = encodeURIComponent;
const CHANGE_KINDS = ['modified', 'added', 'deleted'] as const;

function usageOf(containers: readonly RawContainerSummary[]): Map<string, UsedBy> {
  const out = new Map<string, UsedBy>();
  for (const c of containers) {
    if (!c.ImageID) continue;
    const u = out.get(c.ImageID) ?? { ...NOT_USED };
    out.set(c.ImageID, { running: u.running + (c.State === 'running' ? 1 : 0), total: u.total + 1 });
  }
  return out;
}

const userOf = (c: RawContainerSummary): ImageUser => ({
  id: c.Id,
  name: (c.Names?.[0] ?? c.Id.slice(0, 12)).replace(/^\//, ''),
  state: c.State ?? 'unknown',
});

export function createImagesService(deps: ImagesServiceDeps) {
  const client = () => deps.requireClient();

  async function listRaw(all = false): Promise<RawImageSummary[]> {
    return client().request<RawImageSummary[]>({
      method: 'GET',
      path: '/images/json',
      ...(all ? { query: { all: true } } : {}),
      action: 'list images',
    });
  }

  async function inspectRaw(ref: string): Promise<RawImageInspect> {
    return client().request<RawImageInspect>({ method: 'GET', path: `/images/${enc(ref)}/json`, action: 'inspect', object: imageLabel(ref) });
  }

  async function containersOf(imageId: string): Promise<RawContainerSummary[]> {
    const all = await client().listContainers();
    return all.filter((c) => c.ImageID === imageId);
  }

  async function list(): Promise<ImageSummary[]> {
    const [images, containers] = await Promise.all([listRaw(), client().listContainers()]);
    const usage = usageOf(containers);
    return images.map((i) => summaryFromList(i, usage.get(i.Id) ?? NOT_USED));
  }

  async function images(): Promise<ImageSummary[]> {
    return deps.liveImages() ?? (await list());
  }

  /** Refuses before the engine is asked when containers use the image (names them). */
  function refuseInUse(label: string, users: RawContainerSummary[], force: boolean): void {
    const running = users.filter((c) => c.State === 'running' || c.State === 'paused' || c.State === 'restarting');
    const blocking = force ? running : users;
    if (blocking.length === 0) return;
    const names = blocking.map((c) => userOf(c).name);
    throw new ApiError('conflict', imageMessages.inUse(label, names, running.length > 0), label);
  }

  async function deleteRef(ref: string, force: boolean, label: string): Promise<RawImageDeleteItem[]> {
    try {
      return await client().request<RawImageDeleteItem[]>({
        method: 'DELETE',
        path: `/images/${enc(ref)}`,
        query: { force, noprune: false },
        action: 'remove',
        object: label,
      });
    } catch (err) {
      if (err instanceof ApiError && err.code === 'conflict') {
        // Someone started a container meanwhile, or a child image: say which, in plain words.
        const inspect = await inspectRaw(ref).catch(() => null);
        const users = inspect ? await containersOf(inspect.Id).catch(() => []) : [];
        if (users.length) throw new ApiError('conflict', imageMessages.inUse(label, users.map((c) => userOf(c).name), false), label);
        throw new ApiError('conflict', imageMessages.conflict(label, err.message), label);
      }
      throw err;
    }
  }

  const collect = (items: RawImageDeleteItem[], out: RemoveImageResult) => {
    for (const item of items) {
      if (item.Untagged) out.untagged.push(item.Untagged);
      if (item.Deleted) out.deleted.push(item.Deleted);
    }
  };

  return {
    list,

    async inspect(ref: string): Promise<ImageDetails> {
      const raw = await inspectRaw(ref);
      const users = await containersOf(raw.Id);
      const usage = usageOf(users).get(raw.Id) ?? NOT_USED;
      return toImageDetails(raw, usage, users.map(userOf));
    },

    async layers(ref: string): Promise<ImageLayers> {
      const id = /^sha256:[0-9a-f]{64}$/.test(ref) ? ref : (await inspectRaw(ref)).Id;
      return deps.layers.layers(client(), id, await images());
    },

    async family(): Promise<ImageFamily> {
      return deps.layers.family(client(), await images());
    },

    /**
     * With a tag: removes that name only (the image goes too when it was its last name).
     * Without: deletes the image, each of its names first, so nothing needs force just
     * because the image has several names. Containers using it are checked first.
     */
    async remove(ref: string, tag: string | undefined, force: boolean): Promise<RemoveImageResult> {
      const raw = await inspectRaw(ref);
      const tags = (raw.RepoTags ?? []).filter((t) => !t.startsWith('<none>'));
      const result: RemoveImageResult = { untagged: [], deleted: [] };
      if (tag !== undefined) {
        const label = `image ${tag}`;
        if (!tags.includes(tag) && !tags.includes(parseImageRef(tag).familiar)) {
          throw new ApiError('not-found', imageMessages.noSuchTag(tag, shortId(raw.Id)), label);
        }
        if (tags.length <= 1) refuseInUse(label, await containersOf(raw.Id), force);
        collect(await deleteRef(tag, force, label), result);
        return result;
      }
      const label = imageLabel(raw.Id, tags);
      refuseInUse(label, await containersOf(raw.Id), force);
      for (const t of tags.slice(0, -1)) collect(await deleteRef(t, force, `image ${t}`), result);
      collect(await deleteRef(raw.Id, force, label), result);
      return result;
    },

    async tag(ref: string, target: string): Promise<void> {
      const parsed = parseImageRef(target);
      if (parsed.digest) throw new ApiError('invalid-request', imageMessages.tagWithDigest(target));
      await client().request({
        method: 'POST',
        path: `/images/${enc(ref)}/tag`,
        query: { repo: parsed.name, tag: parsed.tag ?? 'latest' },
        action: 'tag',
        object: imageLabel(ref),
      });
    },

    async prunePreview(mode: PruneMode, labels?: readonly string[]): Promise<PrunePreview> {
      const [all, containers] = await Promise.all([listRaw(true), client().listContainers()]);
      const plan = planPrune({
        mode,
        images: all.map(toPlanImage),
        usedImageIds: new Set(containers.map((c) => c.ImageID ?? '')),
        runningImageIds: new Set(containers.filter((c) => c.State === 'running').map((c) => c.ImageID ?? '')),
        ...(labels ? { labels } : {}),
      });
      // Space: layers no remaining image holds. Every image's layers, intermediates included.
      const recs = await deps.layers.recordsFor(client(), all.map((i) => i.Id));
      const kept = new Set<string>();
      for (const img of all) if (!plan.deleted.has(img.Id)) for (const c of recs.get(img.Id)?.chainIds ?? []) kept.add(c);
      const counted = new Set<string>();
      const freedBy = (id: string) => {
        const rec = recs.get(id);
        let bytes = 0;
        rec?.chainIds.forEach((c, i) => {
          if (kept.has(c) || counted.has(c)) return;
          counted.add(c);
          bytes += rec.layerSizes[i] ?? 0;
        });
        return bytes;
      };
      const visible = new Set((await listRaw()).map((i) => i.Id));
      const items: PrunePreview['items'] = [];
      for (const img of all) {
        const tags = (img.RepoTags ?? []).filter((t) => !t.startsWith('<none>'));
        if (plan.deleted.has(img.Id) && visible.has(img.Id)) {
          items.push({ id: img.Id, tags, effect: 'delete', size: img.Size ?? 0, unique: freedBy(img.Id) });
        } else if (plan.untagged.has(img.Id)) {
          items.push({ id: img.Id, tags: plan.untagged.get(img.Id)!, effect: 'untag', size: img.Size ?? 0, unique: 0 });
        }
      }
      let estimatedSpace = items.reduce((n, i) => n + i.unique, 0);
      for (const id of plan.deleted) if (!visible.has(id)) estimatedSpace += freedBy(id);
      return { mode, items, estimatedSpace };
    },

    async prune(mode: PruneMode, labels?: readonly string[]): Promise<PruneResult> {
      const before = new Set((await listRaw(true)).map((i) => i.Id));
      const filters: Record<string, string[]> = { dangling: [mode === 'dangling' ? 'true' : 'false'] };
      if (labels?.length) filters.label = [...labels];
      const report = await client().request<RawPruneReport>({
        method: 'POST',
        path: '/images/prune',
        query: { filters: JSON.stringify(filters) },
        action: 'prune images',
      });
      const items = report.ImagesDeleted ?? [];
      // Deleted lists image ids and layer chain ids alike; the images are the ids we knew.
      const deleted = items.flatMap((i) => (i.Deleted && before.has(i.Deleted) ? [i.Deleted] : []));
      for (const id of deleted) deps.layers.forget(id);
      return { deleted, untagged: items.flatMap((i) => (i.Untagged ? [i.Untagged] : [])), spaceReclaimed: report.SpaceReclaimed ?? 0 };
    },

    /** The engine's tar of the images, for host.offerDownload. */
    saveStream(refs: readonly string[], signal: AbortSignal): Promise<NodeJS.ReadableStream> {
      return client().request<NodeJS.ReadableStream>({
        method: 'GET',
        path: '/images/get',
        query: { names: [...refs] },
        response: 'stream',
        signal,
        action: 'save',
        object: refs.length === 1 ? imageLabel(refs[0]!) : `${refs.length} images`,
      });
    },

    /** `input` is checked first (host-paths.ts): a regular file outside /proc, /sys and /dev. */
    async load(input: string): Promise<{ loaded: string[] }> {
      const path = await checkHostPath(input, 'file');
      const stream = await client().request<NodeJS.ReadableStream>({
        method: 'POST',
        path: '/images/load',
        query: { quiet: true },
        upload: createReadStream(path),
        response: 'stream',
        action: 'load images from',
        object: path,
      });
      const lines = (await readJsonLines(stream)) as { stream?: string; error?: string; errorDetail?: { message?: string } }[];
      const failure = lines.find((l) => l.error);
      if (failure) throw new ApiError('engine-error', imageMessages.loadFailed(path, failure.error!), path);
      const loaded = lines.flatMap((l) => {
        const m = /Loaded image(?: ID)?: (\S+)/.exec(l.stream ?? '');
        return m ? [m[1]!] : [];
      });
      return { loaded };
    },

    async writableLayerSize(id: string): Promise<WritableLayerSize> {
      const name = deps.containerName(id);
      const raw = await client().request<{ SizeRw?: number; SizeRootFs?: number }>({
        method: 'GET',
        path: `/containers/${enc(id)}/json`,
        query: { size: true },
        action: 'measure',
        object: `container ${name ?? id}`,
      });
      return { sizeRw: raw.SizeRw ?? 0, sizeRootFs: raw.SizeRootFs ?? 0 };
    },

    async changedPaths(id: string): Promise<ChangedPath[]> {
      const name = deps.containerName(id);
      const raw = await client().request<{ Path: string; Kind: number }[] | null>({
        method: 'GET',
        path: `/containers/${enc(id)}/changes`,
        action: 'list the changes of',
        object: `container ${name ?? id}`,
      });
      // null means no changes; anything else that is not a list is not the engine's answer to this.
      return (Array.isArray(raw) ? raw : [])
        .filter((c) => typeof c?.Path === 'string')
        .map((c) => ({ path: c.Path, kind: CHANGE_KINDS[c.Kind] ?? 'modified' }))
        .sort((a, b) => a.path.localeCompare(b.path));
    },
  };
}

function toPlanImage(i: RawImageSummary): PlanImage {
  return {
    id: i.Id,
    parentId: i.ParentId ?? '',
    tags: (i.RepoTags ?? []).filter((t) => !t.startsWith('<none>')),
    digests: (i.RepoDigests ?? []).filter((t) => !t.startsWith('<none>')),
    labels: i.Labels ?? {},
  };
}

export type ImagesService = ReturnType<typeof createImagesService>;
