// What `POST /images/prune` will do, worked out with the engine's own rules
// (moby daemon/images/image_prune.go and image_delete.go) so the preview shows exactly
// what goes: dangling mode looks at images without children that have no tag; unused
// mode at every image; an untagged image with children (a build intermediate) is never a
// candidate; each deletion is the non-forced ImageDelete with prune, which skips images a
// container uses, stops at images other images are built on, and removes untagged
// parents on the way down.
import type { PruneMode } from '../../../src-common/models/images';

export interface PlanImage {
  id: string;
  parentId: string;
  tags: string[];
  digests: string[];
  labels: Record<string, string>;
}

export interface PlanInput {
  mode: PruneMode;
  /** Every image including intermediates (`/images/json?all=1`). */
  images: readonly PlanImage[];
  /** Image ids of running containers, and of all containers. */
  runningImageIds: ReadonlySet<string>;
  usedImageIds: ReadonlySet<string>;
  /** Engine label filters: "key" or "key=value"; all must match. */
  labels?: readonly string[];
}

export interface PlanOutcome {
  /** Image ids that are deleted (listed images and intermediates). */
  deleted: Set<string>;
  /** Image id → tags (and digests) removed from it. */
  untagged: Map<string, string[]>;
}

export function labelsMatch(filters: readonly string[] | undefined, labels: Record<string, string>): boolean {
  return (filters ?? []).every((f) => {
    const at = f.indexOf('=');
    if (at === -1) return Object.hasOwn(labels, f);
    return labels[f.slice(0, at)] === f.slice(at + 1);
  });
}

const repoOf = (ref: string) => {
  const at = ref.indexOf('@');
  if (at !== -1) return ref.slice(0, at);
  const colon = ref.lastIndexOf(':');
  return colon > ref.lastIndexOf('/') ? ref.slice(0, colon) : ref;
};

/** moby's isSingleReference: one tag at most, and every digest in that tag's repository. */
function isSingleReference(tags: readonly string[], digests: readonly string[]): boolean {
  const refs = tags.length + digests.length;
  if (refs <= 1) return refs === 1;
  if (tags.length > 1) return false;
  const digestRepos = new Set(digests.map(repoOf));
  const single = tags[0] ?? digests[0]!;
  return digestRepos.size === 1 && digestRepos.has(repoOf(single));
}

export function planPrune(input: PlanInput): PlanOutcome {
  const state = new Map(input.images.map((i) => [i.id, { ...i, tags: [...i.tags], digests: [...i.digests] }]));
  const deleted = new Set<string>();
  const untagged = new Map<string, string[]>();
  const childCount = () => {
    const counts = new Map<string, number>();
    for (const img of state.values()) if (img.parentId) counts.set(img.parentId, (counts.get(img.parentId) ?? 0) + 1);
    return counts;
  };
  let children = childCount();
  const hasChildren = (id: string) => (children.get(id) ?? 0) > 0;

  const noteUntag = (id: string, ref: string) => untagged.set(id, [...(untagged.get(id) ?? []), ref]);

  /** imageDeleteHelper without force: any conflict stops it quietly. */
  const helper = (id: string): void => {
    const img = state.get(id);
    if (!img) return;
    if (hasChildren(id) || input.runningImageIds.has(id)) return;
    if (img.tags.length + img.digests.length > 0 || input.usedImageIds.has(id)) return;
    state.delete(id);
    deleted.add(id);
    children = childCount();
    if (img.parentId) helper(img.parentId);
  };

  const deleteByRef = (id: string, ref: string): void => {
    const img = state.get(id);
    if (!img) return;
    if (isSingleReference(img.tags, img.digests) && input.usedImageIds.has(id)) return; // conflict
    if (img.tags.includes(ref)) {
      img.tags = img.tags.filter((t) => t !== ref);
      noteUntag(id, ref);
      // A removed tag takes the digests of its repository along when no tag of it is left.
      const repo = repoOf(ref);
      if (!img.tags.some((t) => repoOf(t) === repo)) {
        for (const d of img.digests.filter((x) => repoOf(x) === repo)) noteUntag(id, d);
        img.digests = img.digests.filter((x) => repoOf(x) !== repo);
      }
    } else if (img.digests.includes(ref)) {
      img.digests = img.digests.filter((d) => d !== ref);
      noteUntag(id, ref);
    } else {
      return;
    }
    if (img.tags.length + img.digests.length === 0) helper(id);
  };

  const initialChildren = childCount();
  const candidates = input.images.filter((img) => {
    if (input.mode === 'dangling' && (initialChildren.get(img.id) ?? 0) > 0) return false;
    if (img.tags.length + img.digests.length === 0 && (initialChildren.get(img.id) ?? 0) > 0) return false;
    return labelsMatch(input.labels, img.labels);
  });

  for (const cand of candidates) {
    const img = state.get(cand.id);
    if (!img) continue;
    const refs = [...img.tags, ...img.digests];
    if (refs.length > 0) {
      if (input.mode === 'dangling' && img.tags.length > 0) continue;
      for (const ref of refs.sort()) deleteByRef(cand.id, ref);
    } else {
      helper(cand.id);
    }
  }
  // Tags of deleted images are gone with them; report only images that stay but lose names.
  for (const id of deleted) untagged.delete(id);
  return { deleted, untagged };
}
