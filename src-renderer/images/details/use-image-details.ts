import { useEffect, useRef, useState } from 'react';
import { ApiError } from '../../../src-common/contract/errors';
import type { ImageDetails, ImageSummary } from '../../../src-common/models/images';
import { api } from '../../api/client';
import { useBerthStore } from '../../store/store';

export type ImageDetailsState =
  | { kind: 'loading' }
  | { kind: 'ready'; details: ImageDetails }
  | { kind: 'failed'; message: string }
  | { kind: 'removed' }
  | { kind: 'not-found' };

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

/** Inspect data of one image, fetched again when its entity in the store changes (an event), never on a timer. */
export function useImageDetails(ref: string): { entity: ImageSummary | undefined; state: ImageDetailsState } {
  const entity = useBerthStore((s) => findImage(s.images, ref));
  const loaded = useBerthStore((s) => s.imagesLoaded);
  const [state, setState] = useState<ImageDetailsState>({ kind: 'loading' });
  const seen = useRef(false);
  if (entity) seen.current = true;

  useEffect(() => {
    if (!entity) return;
    let current = true;
    api.call('images.inspect', { id: entity.id }).then(
      (details) => current && setState({ kind: 'ready', details }),
      (err: unknown) => {
        if (!current) return;
        if (err instanceof ApiError && err.code === 'not-found') setState({ kind: 'removed' });
        else setState({ kind: 'failed', message: err instanceof Error ? err.message : String(err) });
      },
    );
    return () => {
      current = false;
    };
  }, [entity]);

  if (!entity && loaded) return { entity, state: seen.current ? { kind: 'removed' } : { kind: 'not-found' } };
  return { entity, state };
}
