// Pure layer arithmetic: chain IDs, matching history entries to RootFS layers, size
// accounting across local images and the family tree. No engine access here.
import { createHash } from 'node:crypto';
import type { FamilyNode, ImageName, LayerEntry, LayerMatching, SizeAccount } from '../../../src-common/models/images';

/** chainID(L0) = L0; chainID(Ln) = sha256(chainID(Ln-1) + " " + Ln), as the OCI image spec defines it. */
export function chainIds(diffIds: readonly string[]): string[] {
  const out: string[] = [];
  for (const diff of diffIds) {
    const prev = out[out.length - 1];
    out.push(prev === undefined ? diff : `sha256:${createHash('sha256').update(`${prev} ${diff}`).digest('hex')}`);
  }
  return out;
}

const NOP_PREFIX = /^\/bin\/sh -c #\(nop\)\s*/;

/** CreatedBy as a Dockerfile line: "#(nop)" metadata shown as the instruction it was. */
export function instructionOf(createdBy: string): string {
  const trimmed = createdBy.trim();
  if (NOP_PREFIX.test(trimmed)) return trimmed.replace(NOP_PREFIX, '').trim();
  // BuildKit writes "RUN /bin/sh -c … # buildkit"; the classic builder writes the bare command.
  const buildkit = trimmed.replace(/\s+# buildkit$/, '');
  if (/^[A-Z]+\s/.test(buildkit)) return buildkit;
  return trimmed === '' ? '' : `RUN ${trimmed}`;
}

const LAYER_INSTRUCTIONS = new Set(['RUN', 'ADD', 'COPY']);

/** By the instruction: RUN, ADD and COPY (and anything not a #(nop) metadata line) add a layer. */
export function addsLayerByInstruction(createdBy: string): boolean {
  const trimmed = createdBy.trim();
  if (NOP_PREFIX.test(trimmed)) {
    const word = trimmed.replace(NOP_PREFIX, '').split(/\s+/, 1)[0]!.toUpperCase();
    return LAYER_INSTRUCTIONS.has(word);
  }
  const buildkit = /^([A-Z]+)\s.*# buildkit$/.exec(trimmed);
  if (buildkit) return LAYER_INSTRUCTIONS.has(buildkit[1]!);
  // BuildKit metadata lines ("ENV A=b", "CMD [...]") have no prefix at all.
  const bare = /^(ENV|CMD|ENTRYPOINT|LABEL|EXPOSE|VOLUME|WORKDIR|USER|ARG|ONBUILD|STOPSIGNAL|HEALTHCHECK|SHELL|MAINTAINER)\s/.exec(
    trimmed,
  );
  return !bare;
}

export interface RawHistoryEntry {
  Created?: number;
  CreatedBy?: string;
  Size?: number;
  Comment?: string;
}

export interface MatchedHistory {
  entries: Omit<LayerEntry, 'sharedWith'>[];
  matching: LayerMatching;
}

/**
 * Matches history entries (base first) to RootFS diff IDs. The engine's history has no
 * empty_layer flag, so the entries that add a layer are found by counting: first by
 * instruction, then, when that count does not equal the number of layers, by size.
 */
export function matchHistory(history: readonly RawHistoryEntry[], diffIds: readonly string[]): MatchedHistory {
  const chains = chainIds(diffIds);
  const byInstruction = history.map((h) => addsLayerByInstruction(h.CreatedBy ?? ''));
  const bySize = history.map((h) => (h.Size ?? 0) > 0);
  const count = (flags: boolean[]) => flags.filter(Boolean).length;
  let flags: boolean[];
  let matching: LayerMatching;
  // Sized entries plus every empty one that could have written something (a WORKDIR
  // creating its folder, a RUN deleting files leaves only 0-byte whiteouts).
  const bySizeOrKind = history.map(
    (h, i) => bySize[i]! || byInstruction[i]! || /^\/bin\/sh -c #\(nop\)\s*WORKDIR\b/.test(h.CreatedBy ?? ''),
  );
  if (count(byInstruction) === diffIds.length) [flags, matching] = [byInstruction, 'instructions'];
  else if (count(bySize) === diffIds.length) [flags, matching] = [bySize, 'size'];
  else if (count(bySizeOrKind) === diffIds.length) [flags, matching] = [bySizeOrKind, 'size'];
  else [flags, matching] = [byInstruction, 'unmatched'];
  let next = 0;
  const entries = history.map((h, i) => {
    const adds = flags[i]!;
    const layer = adds && matching !== 'unmatched' ? next++ : -1;
    return {
      instruction: instructionOf(h.CreatedBy ?? ''),
      createdBy: h.CreatedBy ?? '',
      created: h.Created ?? 0,
      size: h.Size ?? 0,
      comment: h.Comment ?? '',
      addsLayer: adds,
      diffId: layer >= 0 ? (diffIds[layer] ?? null) : null,
      chainId: layer >= 0 ? (chains[layer] ?? null) : null,
    };
  });
  return { entries, matching };
}

/** What the accounting needs of one image: its layer chains base first, each layer's size, and its total. */
export interface IndexedImage {
  id: string;
  name: ImageName;
  chainIds: string[];
  /** Per layer, same order as chainIds. */
  layerSizes: number[];
  total: number;
}

/** Per-layer sizes from matched history: a layer's size is its entry's size. */
export function layerSizesOf(matched: MatchedHistory, layerCount: number): number[] {
  const sizes = new Array<number>(layerCount).fill(0);
  if (matched.matching === 'unmatched') {
    // Best effort: sized entries in order, as far as they go.
    let i = 0;
    for (const e of matched.entries) if (e.size > 0 && i < layerCount) sizes[i++] = e.size;
    return sizes;
  }
  let i = 0;
  for (const e of matched.entries) if (e.addsLayer) sizes[i++] = e.size;
  return sizes;
}

/** image id → the other images holding each chain id. */
export function chainOwners(images: readonly IndexedImage[]): Map<string, IndexedImage[]> {
  const owners = new Map<string, IndexedImage[]>();
  for (const img of images) {
    for (const chain of new Set(img.chainIds)) {
      const list = owners.get(chain);
      if (list) list.push(img);
      else owners.set(chain, [img]);
    }
  }
  return owners;
}

/** total, shared (layers another image also has) and unique (total − shared) for every image. */
export function sizeAccounts(images: readonly IndexedImage[]): Map<string, SizeAccount> {
  const owners = chainOwners(images);
  const out = new Map<string, SizeAccount>();
  for (const img of images) {
    let shared = 0;
    img.chainIds.forEach((chain, i) => {
      if ((owners.get(chain)?.length ?? 0) > 1) shared += img.layerSizes[i] ?? 0;
    });
    shared = Math.min(shared, img.total);
    out.set(img.id, { total: img.total, shared, unique: Math.max(0, img.total - shared) });
  }
  return out;
}

interface TrieNode {
  chainId: string;
  depth: number;
  size: number;
  images: ImageName[];
  children: Map<string, TrieNode>;
}

/**
 * The family tree: a trie over chain IDs, compressed so that only the chains where an
 * image ends or where images part ways remain; every image sits under the deepest
 * ancestor it shares with others. Sizes are the bytes added since the shown parent.
 */
export function familyTree(images: readonly IndexedImage[]): { roots: FamilyNode[]; layerless: ImageName[] } {
  const roots = new Map<string, TrieNode>();
  const layerless: ImageName[] = [];
  for (const img of images) {
    if (img.chainIds.length === 0) {
      layerless.push(img.name);
      continue;
    }
    let level = roots;
    let node: TrieNode | undefined;
    img.chainIds.forEach((chain, i) => {
      node = level.get(chain);
      if (!node) {
        node = { chainId: chain, depth: i + 1, size: img.layerSizes[i] ?? 0, images: [], children: new Map() };
        level.set(chain, node);
      }
      level = node.children;
    });
    node!.images.push(img.name);
  }
  const byName = (a: { images: ImageName[]; chainId: string }, b: { images: ImageName[]; chainId: string }) =>
    (a.images[0]?.name ?? '\uffff').localeCompare(b.images[0]?.name ?? '\uffff') || a.chainId.localeCompare(b.chainId);
  const compress = (node: TrieNode, carried: number): FamilyNode[] => {
    const size = carried + node.size;
    const kids = [...node.children.values()];
    if (node.images.length === 0 && kids.length === 1) return compress(kids[0]!, size);
    const children = kids.flatMap((k) => compress(k, 0));
    children.sort(byName);
    const images = [...node.images].sort((a, b) => a.name.localeCompare(b.name));
    return [{ chainId: node.chainId, depth: node.depth, size, images, children }];
  };
  const out = [...roots.values()].flatMap((r) => compress(r, 0));
  out.sort(byName);
  return { roots: out, layerless };
}

/** The names of an image: all its tags (sorted), or "<none>@<short id>" when it has none. */
export function imageNameOf(id: string, repoTags: readonly string[]): ImageName {
  const tags = [...new Set(repoTags.filter((t) => t !== '<none>:<none>'))].sort((a, b) => a.localeCompare(b));
  const name = tags[0] ?? `<none>@${id.replace(/^sha256:/, '').slice(0, 12)}`;
  return { id, name, names: tags.length ? tags : [name] };
}
