import { parseImageRef } from '../../src-common/image-ref';
import type { ImageSummary } from '../../src-common/models/images';
import type { ImagesSlice } from './images-slice';

/** One row of the images table: one name of an image, or the image itself when it has none. */
export interface ImageRow {
  key: string;
  id: string;
  /** The name as typed ("nginx:1.27"), or null for an untagged image. */
  tag: string | null;
  /** What the row is called in links and action names: the tag, or "<none>@<short id>". */
  ref: string;
  repository: string;
  tagPart: string;
  /** Registry host from the parsed name; null when untagged or unparsable. */
  registry: string | null;
  image: ImageSummary;
}

export const shortImageId = (id: string) => id.replace(/^sha256:/, '').slice(0, 12);

export function refOf(image: ImageSummary, tag: string | null): string {
  return tag ?? `<none>@${shortImageId(image.id)}`;
}

function splitTag(tag: string): [string, string] {
  const colon = tag.lastIndexOf(':');
  return colon > tag.lastIndexOf('/') ? [tag.slice(0, colon), tag.slice(colon + 1)] : [tag, 'latest'];
}

export function rowsOf(image: ImageSummary): ImageRow[] {
  if (image.repoTags.length === 0) {
    const ref = refOf(image, null);
    return [{ key: image.id, id: image.id, tag: null, ref, repository: '<none>', tagPart: '<none>', registry: null, image }];
  }
  return image.repoTags.map((tag) => {
    const [repository, tagPart] = splitTag(tag);
    let registry: string | null;
    try {
      registry = parseImageRef(tag).domain;
    } catch {
      registry = null;
    }
    return { key: `${image.id}|${tag}`, id: image.id, tag, ref: tag, repository, tagPart, registry, image };
  });
}

export function matchesFilter(row: ImageRow, filter: ImagesSlice['imageFilter']): boolean {
  if (filter.danglingOnly && row.image.repoTags.length > 0) return false;
  if (filter.unusedOnly && row.image.usedBy.total > 0) return false;
  const text = filter.text.trim().toLowerCase();
  if (!text) return true;
  return (
    row.ref.toLowerCase().includes(text) ||
    row.id.replace(/^sha256:/, '').startsWith(text.replace(/^sha256:/, '')) ||
    (row.registry ?? '').toLowerCase().includes(text)
  );
}

export function compareRows(a: ImageRow, b: ImageRow, sort: ImagesSlice['imageSort']): number {
  const dir = sort.direction === 'asc' ? 1 : -1;
  const byName = a.ref.localeCompare(b.ref);
  let c = 0;
  switch (sort.column) {
    case 'name':
      c = byName;
      break;
    case 'registry':
      c = (a.registry ?? '\uffff').localeCompare(b.registry ?? '\uffff');
      break;
    case 'size':
      c = a.image.size - b.image.size;
      break;
    case 'created':
      c = a.image.created - b.image.created;
      break;
    case 'usedBy':
      c = a.image.usedBy.total - b.image.usedBy.total;
      break;
  }
  return c === 0 ? byName : c * dir;
}

export function tableRows(
  images: Record<string, ImageSummary>,
  filter: ImagesSlice['imageFilter'],
  sort: ImagesSlice['imageSort'],
): { rows: ImageRow[]; total: number } {
  const all = Object.values(images).flatMap(rowsOf);
  const rows = all.filter((r) => matchesFilter(r, filter)).sort((a, b) => compareRows(a, b, sort));
  return { rows, total: all.length };
}
