import type { StateCreator } from 'zustand';
import type { ApiErrorShape } from '../../src-common/contract/errors';
import type { ImageChange, ImageSummary } from '../../src-common/models/images';
import type { BerthState } from '../store/types';

export type ImageSortColumn = 'name' | 'registry' | 'size' | 'created' | 'usedBy';

/** An image and which of its names a dialog is about (null: an untagged image). */
export interface ImageTarget {
  id: string;
  tag: string | null;
}

/** The images page's own dialogs; other features open theirs their own way. */
export type ImageDialog =
  | { kind: 'remove'; target: ImageTarget }
  | { kind: 'tag'; target: ImageTarget }
  | { kind: 'prune' }
  | { kind: 'load' };

export interface ImagesSlice {
  images: Record<string, ImageSummary>;
  imagesLoaded: boolean;
  /** Why the list could not be loaded, until a snapshot arrives. */
  imagesLoadError: ApiErrorShape | null;
  imageFilter: { text: string; danglingOnly: boolean; unusedOnly: boolean };
  imageSort: { column: ImageSortColumn; direction: 'asc' | 'desc' };
  imageDialog: ImageDialog | null;
  applyImageChange(change: ImageChange): void;
  setImageFilter(patch: Partial<ImagesSlice['imageFilter']>): void;
  sortImagesBy(column: ImageSortColumn): void;
  openImageDialog(dialog: ImageDialog | null): void;
}

/** One change touches one entity; every other image object stays the same (rows do not re-render). */
export function reduceImageChange(images: Record<string, ImageSummary>, change: ImageChange): Record<string, ImageSummary> {
  switch (change.kind) {
    case 'snapshot':
      return Object.fromEntries(change.images.map((i) => [i.id, i]));
    case 'failed':
      return images;
    case 'upsert':
      return { ...images, [change.image.id]: change.image };
    case 'remove': {
      if (!(change.id in images)) return images;
      const { [change.id]: _gone, ...rest } = images;
      return rest;
    }
  }
}

export const createImagesSlice: StateCreator<BerthState, [], [], ImagesSlice> = (set) => ({
  images: {},
  imagesLoaded: false,
  imagesLoadError: null,
  imageFilter: { text: '', danglingOnly: false, unusedOnly: false },
  imageSort: { column: 'created', direction: 'desc' },
  imageDialog: null,
  applyImageChange: (change) =>
    set((s) =>
      change.kind === 'failed'
        ? { imagesLoadError: change.error }
        : { images: reduceImageChange(s.images, change), imagesLoaded: true, imagesLoadError: null },
    ),
  setImageFilter: (patch) => set((s) => ({ imageFilter: { ...s.imageFilter, ...patch } })),
  sortImagesBy: (column) =>
    set((s) => ({
      imageSort:
        s.imageSort.column === column
          ? { column, direction: s.imageSort.direction === 'asc' ? 'desc' : 'asc' }
          : { column, direction: column === 'created' || column === 'size' ? 'desc' : 'asc' },
    })),
  openImageDialog: (dialog) => set({ imageDialog: dialog }),
});
