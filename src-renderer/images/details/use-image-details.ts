import { useMemo } from 'react';
import { resyncLists } from '../../api/resync';
import { useLiveDetails, type LiveDetailsState } from '../../shared/use-live-details';
import type { ImageDetails, ImageSummary } from '../../../src-common/models/images';
import { api } from '../../api/client';
import { useBerthStore } from '../../store/store';

export type ImageDetailsState = LiveDetailsState<ImageDetails>;

/** The store entity for a route id: the full id, a name, or an id prefix. */
export function findImage(images: Record<string, ImageSummary>, ref: string): ImageSummary | undefined {
  const exact = images[ref] ?? images[`sha256:${ref}`];
  if (exact) return exact;
  const all = Object.values(images);
  return (
    all.find((i) => i.repoTags.includes(ref)) ??
    (ref.length >= 4 ? all.find((i) => i.id.replace(/^sha256:/, '').startsWith(ref.replace(/^sha256:/, ''))) : undefined)
  );
}

const inspect = (id: string) => api.call('images.inspect', { id });

/** Inspect data of one image, following its entity in the store (see useLiveDetails). */
export function useImageDetails(ref: string): { entity: ImageSummary | undefined; state: ImageDetailsState } {
  const entity = useBerthStore((s) => findImage(s.images, ref));
  const loaded = useBerthStore((s) => s.imagesLoaded);
  const listError = useBerthStore((s) => s.imagesLoadError);
  const failure = useMemo(() => (listError ? { message: listError.message, retry: () => void resyncLists() } : null), [listError]);
  return { entity, state: useLiveDetails(entity, loaded, inspect, failure) };
}
