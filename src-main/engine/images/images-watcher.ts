import type { ContainerChange } from '../../../src-common/models/container';
import type { ImageChange, ImageSummary } from '../../../src-common/models/images';
import { parseImageRef } from '../../../src-common/image-ref';
import type { DockerClient } from '../connection/docker-client';
import type { EngineEvent, EventsListener } from '../connection/events-hub';
import { asList, createListRetry } from '../connection/list-failure';
import { summaryFromInspect, summaryFromList, NOT_USED, type UsedBy } from './images-mapper';
import type { RawImageInspect, RawImageSummary } from './images-types';

export type ImageChangeListener = (change: ImageChange) => void;

export interface ImagesWatcherDeps {
  events: { subscribe(listener: EventsListener): () => void };
  containers: { subscribe(listener: (change: ContainerChange) => void): () => void };
  getClient(): DockerClient | null;
  /** Told when an image is gone, so cached layer data can go too. */
  onDeleted?(id: string): void;
}

export interface ImagesWatcher {
  subscribe(listener: ImageChangeListener): () => void;
  current(): ImageSummary[] | null;
  /** Asks the engine for the whole list again now (Retry after a failed load). */
  resync(): void;
  dispose(): void;
}

const normalized = (ref: string) => {
  try {
    return parseImageRef(ref).dockerRef;
  } catch {
    return ref;
  }
};

/** Image events that cannot change the list. */
const IRRELEVANT = new Set(['save', 'push', 'prune']);

/**
 * The live image list in main: `/images/json` after every (re)connect, then one inspect
 * per image an event names (tag, untag, pull, load, import), a removal without any
 * request for `delete`, and the used-by counts patched from the live container list.
 * Untagged images other images are built on (build intermediates) stay hidden, as in
 * `docker images`.
 */
export function createImagesWatcher(deps: ImagesWatcherDeps): ImagesWatcher {
  let images: Map<string, ImageSummary> | null = null;
  const listeners = new Set<ImageChangeListener>();
  /** container id → [image id, running] */
  const containerImages = new Map<string, [string, boolean]>();
  const usage = new Map<string, UsedBy>();
  const pending = new Set<string>();
  const inFlight = new Set<string>();
  let generation = 0;
  /** Bumped per delete event: an inspect answer started before it is older than the delete. */
  let deletes = 0;
  const deletedAt = new Map<string, number>();
  let disposed = false;
  const retry = createListRetry();

  const emit = (change: ImageChange) => {
    for (const l of [...listeners]) l(change);
  };
  const usedBy = (id: string) => usage.get(id) ?? NOT_USED;

  /** Ids of images some known image names as its parent. */
  const isParent = (id: string) => {
    for (const img of images?.values() ?? []) if (img.parentId === id) return true;
    return false;
  };

  function put(img: ImageSummary): void {
    if (!images) return;
    if (img.repoTags.length === 0 && isParent(img.id)) return remove(img.id);
    const old = images.get(img.id);
    if (old && JSON.stringify(old) === JSON.stringify(img)) return;
    images.set(img.id, img);
    emit({ kind: 'upsert', image: img });
    // Its parent, if untagged, is now an intermediate.
    const parent = img.parentId ? images.get(img.parentId) : undefined;
    if (parent && parent.repoTags.length === 0) remove(parent.id);
  }

  function remove(id: string): void {
    if (images?.delete(id)) emit({ kind: 'remove', id });
  }

  async function resync(): Promise<void> {
    const gen = ++generation;
    const client = deps.getClient();
    if (!client) return;
    let list: ImageSummary[];
    try {
      const raw = await client.request<unknown>({ method: 'GET', path: '/images/json', action: 'list images' });
      list = asList<RawImageSummary>(raw, 'list images').map((r) => summaryFromList(r, usedBy(r.Id)));
    } catch (err) {
      if (gen !== generation || disposed) return;
      // A lost engine: the hub asks again once it is back. A bad answer: say so, retry later.
      const failure = retry.failed(err, () => void resync());
      if (failure) emit(failure);
      return;
    }
    if (gen !== generation || disposed) return;
    retry.succeeded();
    deletedAt.clear();
    images = new Map(list.map((i) => [i.id, i]));
    emit({ kind: 'snapshot', images: list });
  }

  async function refresh(ref: string): Promise<void> {
    if (inFlight.has(ref)) {
      pending.add(ref);
      return;
    }
    const client = deps.getClient();
    if (!client || !images) return;
    inFlight.add(ref);
    const gen = generation;
    const deletesBefore = deletes;
    try {
      const raw = await client.request<RawImageInspect>({ method: 'GET', path: `/images/${encodeURIComponent(ref)}/json`, action: 'inspect' });
      const deletedSince = (deletedAt.get(raw.Id) ?? -1) >= deletesBefore;
      if (gen === generation && !disposed && !deletedSince) put(summaryFromInspect(raw, usedBy(raw.Id)));
    } catch (err) {
      if ((err as { code?: string }).code === 'not-found' && gen === generation) {
        remove(ref);
        deps.onDeleted?.(ref);
      }
    } finally {
      inFlight.delete(ref);
      if (pending.delete(ref)) void refresh(ref);
    }
  }

  function onEvent(event: EngineEvent): void {
    if (event.type !== 'image' || IRRELEVANT.has(event.action)) return;
    if (event.action === 'delete') {
      deletedAt.set(event.id, deletes++);
      remove(event.id);
      deps.onDeleted?.(event.id);
      return;
    }
    void refresh(event.id);
    // A name that moves to another image (a rebuild, a pull, `docker tag`) sends no untag
    // for the image that had it: ask again about whoever holds that name now.
    const moved = event.attributes.name;
    if (moved && images) {
      const wanted = normalized(moved);
      for (const img of images.values()) {
        if (img.id !== event.id && img.repoTags.some((t) => t === moved || normalized(t) === wanted)) void refresh(img.id);
      }
    }
  }

  function setUsage(id: string, next: UsedBy): void {
    const old = usedBy(id);
    if (old.running === next.running && old.total === next.total) return;
    if (next.total === 0) usage.delete(id);
    else usage.set(id, next);
    const img = images?.get(id);
    if (img) put({ ...img, usedBy: next });
  }

  function onContainers(change: ContainerChange): void {
    const touched = new Set<string>();
    const forget = (cid: string) => {
      const was = containerImages.get(cid);
      if (!was) return;
      containerImages.delete(cid);
      touched.add(was[0]);
    };
    const add = (cid: string, imageId: string, running: boolean) => {
      containerImages.set(cid, [imageId, running]);
      touched.add(imageId);
    };
    if (change.kind === 'snapshot') {
      for (const cid of [...containerImages.keys()]) forget(cid);
      for (const c of change.containers) add(c.id, c.imageId, c.state === 'running');
    } else if (change.kind === 'upsert') {
      forget(change.container.id);
      add(change.container.id, change.container.imageId, change.container.state === 'running');
    } else if (change.kind === 'remove') {
      forget(change.id);
    } else {
      return; // a failed load changes nothing known
    }
    // Recount only the images this change touched.
    const counts = new Map<string, UsedBy>([...touched].map((id) => [id, { running: 0, total: 0 }]));
    for (const [imageId, running] of containerImages.values()) {
      const c = counts.get(imageId);
      if (c) counts.set(imageId, { running: c.running + (running ? 1 : 0), total: c.total + 1 });
    }
    for (const [id, next] of counts) setUsage(id, next);
  }

  const unsubscribeEvents = deps.events.subscribe({ onEvent, onResync: () => void resync() });
  const unsubscribeContainers = deps.containers.subscribe(onContainers);
  // Made after the events stream opened: its resync came before we listened.
  if (deps.getClient()) void resync();

  return {
    subscribe(listener) {
      listeners.add(listener);
      if (images) listener({ kind: 'snapshot', images: [...images.values()] });
      const failure = retry.current();
      if (failure) listener(failure);
      return () => listeners.delete(listener);
    },
    resync: () => void resync(),
    current: () => (images ? [...images.values()] : null),
    dispose() {
      disposed = true;
      generation += 1;
      retry.dispose();
      unsubscribeEvents();
      unsubscribeContainers();
      listeners.clear();
    },
  };
}
