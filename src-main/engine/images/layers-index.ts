import type { ImageFamily, ImageLayers, ImageSummary, LayerEntry } from '../../../src-common/models/images';
import type { DockerClient } from '../connection/docker-client';
import { imageLabel } from './images-mapper';
import type { RawImageInspect } from './images-types';
import {
  chainIds,
  chainOwners,
  familyTree,
  imageNameOf,
  layerSizesOf,
  matchHistory,
  sizeAccounts,
  type IndexedImage,
  type MatchedHistory,
  type RawHistoryEntry,
} from './layers-analysis';

/** What never changes for an image id: its layers and history (ids are content digests). */
export interface LayerRecord {
  id: string;
  diffIds: string[];
  chainIds: string[];
  matched: MatchedHistory;
  layerSizes: number[];
}

const CONCURRENCY = 4;

/**
 * Layer data per image id, fetched once (inspect + history) and kept: an image id is the
 * digest of its config, so its layers and history can never change. Tags can, and come
 * from the live list each time.
 */
export function createLayerIndex() {
  const records = new Map<string, Promise<LayerRecord>>();

  async function fetchRecord(client: DockerClient, id: string): Promise<LayerRecord> {
    const object = imageLabel(id);
    const [inspect, history] = await Promise.all([
      client.request<RawImageInspect>({ method: 'GET', path: `/images/${encodeURIComponent(id)}/json`, action: 'inspect', object }),
      client.request<RawHistoryEntry[]>({
        method: 'GET',
        path: `/images/${encodeURIComponent(id)}/history`,
        action: 'read the history of',
        object,
      }),
    ]);
    const diffIds = inspect.RootFS?.Layers ?? [];
    // The engine answers newest first; layers are listed base first.
    const matched = matchHistory([...history].reverse(), diffIds);
    return { id: inspect.Id, diffIds, chainIds: chainIds(diffIds), matched, layerSizes: layerSizesOf(matched, diffIds.length) };
  }

  function record(client: DockerClient, id: string): Promise<LayerRecord> {
    let pending = records.get(id);
    if (!pending) {
      pending = fetchRecord(client, id);
      records.set(id, pending);
      pending.catch(() => records.delete(id));
    }
    return pending;
  }

  async function recordsFor(client: DockerClient, ids: readonly string[]): Promise<Map<string, LayerRecord>> {
    const out = new Map<string, LayerRecord>();
    const queue = [...ids];
    const worker = async () => {
      for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
        try {
          out.set(id, await record(client, id));
        } catch (err) {
          // Removed while we asked: it simply is not part of the picture any more.
          if ((err as { code?: string }).code !== 'not-found') throw err;
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(CONCURRENCY, ids.length) }, worker));
    return out;
  }

  async function indexAll(client: DockerClient, images: readonly ImageSummary[]): Promise<IndexedImage[]> {
    const recs = await recordsFor(
      client,
      images.map((i) => i.id),
    );
    return images.flatMap((img) => {
      const rec = recs.get(img.id);
      if (!rec) return [];
      return [
        { id: img.id, name: imageNameOf(img.id, img.repoTags), chainIds: rec.chainIds, layerSizes: rec.layerSizes, total: img.size },
      ];
    });
  }

  return {
    record,
    recordsFor,
    indexAll,
    forget(id: string) {
      records.delete(id);
    },

    /** The Layers view of one image, against all local images (the live list). */
    async layers(client: DockerClient, id: string, images: readonly ImageSummary[]): Promise<ImageLayers> {
      const own = await record(client, id);
      const all = await indexAll(client, images);
      const owners = chainOwners(all);
      const accounts = sizeAccounts(all);
      const entries: LayerEntry[] = own.matched.entries.map((e) => ({
        ...e,
        sharedWith: e.chainId
          ? (owners.get(e.chainId) ?? []).filter((o) => o.id !== own.id).map((o) => o.name)
          : [],
      }));
      const self = images.find((i) => i.id === own.id);
      const fallbackTotal = self?.size ?? own.layerSizes.reduce((a, b) => a + b, 0);
      return {
        id: own.id,
        entries,
        diffIds: own.diffIds,
        chainIds: own.chainIds,
        matching: own.matched.matching,
        sizes: accounts.get(own.id) ?? { total: fallbackTotal, shared: 0, unique: fallbackTotal },
      };
    },

    async family(client: DockerClient, images: readonly ImageSummary[]): Promise<ImageFamily> {
      const all = await indexAll(client, images);
      const { roots, layerless } = familyTree(all);
      return { roots, layerless, sizes: Object.fromEntries(sizeAccounts(all)) };
    },
  };
}

export type LayerIndex = ReturnType<typeof createLayerIndex>;
