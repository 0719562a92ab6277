import { z } from 'zod';
import { ApiErrorShape } from '../contract/errors';

/** An image id ("sha256:<64 hex>"), a short id prefix, or a reference such as nginx:1.27. */
export const ImageIdOrRef = z
  .string()
  .min(1)
  .max(512)
  .regex(/^[a-zA-Z0-9][a-zA-Z0-9_.:/@-]*$/, 'an image id or reference');

/** One local image as the list shows it (the list shows one row per tag). */
export const ImageSummary = z.object({
  /** "sha256:<64 hex>" */
  id: z.string(),
  /** Familiar "repo:tag" strings as the engine gives them; empty for a dangling image. */
  repoTags: z.array(z.string()),
  repoDigests: z.array(z.string()),
  /** The image it was built on locally (classic builder), or "" when none is known. */
  parentId: z.string(),
  /** Unix seconds. */
  created: z.number(),
  /** Bytes of all its layers. */
  size: z.number(),
  labels: z.record(z.string(), z.string()),
  /** Containers created from this image, running or not. */
  usedBy: z.object({ running: z.number().int(), total: z.number().int() }),
});
export type ImageSummary = z.infer<typeof ImageSummary>;

export const ImageChange = z.discriminatedUnion('kind', [
  /** The whole list: first, and again after every reconnect of the events stream. */
  z.object({ kind: z.literal('snapshot'), images: z.array(ImageSummary) }),
  z.object({ kind: z.literal('upsert'), image: ImageSummary }),
  z.object({ kind: z.literal('remove'), id: z.string() }),
  /** The list could not be loaded (the engine is there but answered badly): why, and when it tries again. */
  z.object({ kind: z.literal('failed'), error: ApiErrorShape, retryInMs: z.number().int().nonnegative() }),
]);
export type ImageChange = z.infer<typeof ImageChange>;

export const ImageUser = z.object({ id: z.string(), name: z.string(), state: z.string() });
export type ImageUser = z.infer<typeof ImageUser>;

/** Image details: the config a container starts with, who uses it, and the raw inspect JSON. */
export const ImageDetails = z.object({
  summary: ImageSummary,
  config: z.object({
    env: z.array(z.string()),
    entrypoint: z.array(z.string()),
    cmd: z.array(z.string()),
    workingDir: z.string(),
    user: z.string(),
    exposedPorts: z.array(z.string()),
    volumes: z.array(z.string()),
    labels: z.record(z.string(), z.string()),
    architecture: z.string(),
    os: z.string(),
    variant: z.string(),
  }),
  containers: z.array(ImageUser),
  raw: z.record(z.string(), z.unknown()),
});
export type ImageDetails = z.infer<typeof ImageDetails>;

/** Another local image, as a layer view names it. */
export const ImageName = z.object({
  id: z.string(),
  /** The first tag in familiar form, or "<none>@<short id>" (sorting and keys). */
  name: z.string(),
  /** Every tag of the image ("app:1", "app:latest"), or just `name` when it has none: shown whole. */
  names: z.array(z.string()),
});
export type ImageName = z.infer<typeof ImageName>;

/** How a layer view shows an image: all its names, not only the first. */
export const imageNameText = (image: ImageName): string => image.names.join(', ');

/** One history entry, base first. */
export const LayerEntry = z.object({
  /** The Dockerfile-like instruction: CreatedBy without the "/bin/sh -c #(nop) " prefix. */
  instruction: z.string(),
  createdBy: z.string(),
  /** Unix seconds. */
  created: z.number(),
  size: z.number(),
  comment: z.string(),
  /** False for entries that only change the config (ENV, CMD, LABEL…). */
  addsLayer: z.boolean(),
  /** The matched RootFS diff ID and chain ID, for entries that add a layer (null when unmatched). */
  diffId: z.string().nullable(),
  chainId: z.string().nullable(),
  /** Other local images that contain the same chain up to and including this layer. */
  sharedWith: z.array(ImageName),
});
export type LayerEntry = z.infer<typeof LayerEntry>;

/**
 * How history entries were matched to RootFS layers: 'instructions' (RUN/ADD/COPY and
 * non-#(nop) entries add a layer; the count matched), 'size' (fallback: entries with a
 * size > 0; the count matched), or 'unmatched' (neither count matched; diff IDs listed apart).
 */
export const LayerMatching = z.enum(['instructions', 'size', 'unmatched']);
export type LayerMatching = z.infer<typeof LayerMatching>;

export const SizeAccount = z.object({
  total: z.number(),
  /** Bytes of its layers another local image also has (by chain ID). */
  shared: z.number(),
  /** total − shared: what removing it would free when no container uses it. */
  unique: z.number(),
});
export type SizeAccount = z.infer<typeof SizeAccount>;

export const ImageLayers = z.object({
  id: z.string(),
  entries: z.array(LayerEntry),
  /** RootFS.Layers, base first. */
  diffIds: z.array(z.string()),
  chainIds: z.array(z.string()),
  matching: LayerMatching,
  sizes: SizeAccount,
});
export type ImageLayers = z.infer<typeof ImageLayers>;

/** A node of the family tree: a layer chain that is an image's top or where images part ways. */
export interface FamilyNode {
  chainId: string;
  /** Number of layers from the base up to this node. */
  depth: number;
  /** Bytes added since the parent node. */
  size: number;
  images: ImageName[];
  children: FamilyNode[];
}
export const FamilyNode: z.ZodType<FamilyNode> = z.lazy(() =>
  z.object({
    chainId: z.string(),
    depth: z.number().int(),
    size: z.number(),
    images: z.array(ImageName),
    children: z.array(FamilyNode),
  }),
);

export const ImageFamily = z.object({
  roots: z.array(FamilyNode),
  /** Size accounting per image id. */
  sizes: z.record(z.string(), SizeAccount),
  /** Images with no filesystem layers at all (FROM scratch with only metadata). */
  layerless: z.array(ImageName),
});
export type ImageFamily = z.infer<typeof ImageFamily>;

export const RemoveImageResult = z.object({
  untagged: z.array(z.string()),
  deleted: z.array(z.string()),
});
export type RemoveImageResult = z.infer<typeof RemoveImageResult>;

export const PruneMode = z.enum(['dangling', 'unused']);
export type PruneMode = z.infer<typeof PruneMode>;

export const PruneItem = z.object({
  id: z.string(),
  /** Tags it loses; empty for an untagged image. */
  tags: z.array(z.string()),
  /** 'delete': the image goes; 'untag': only its tags go (other images are built on it, or a container uses it). */
  effect: z.enum(['delete', 'untag']),
  size: z.number(),
  /** Bytes its removal frees, counting layers the other images that go share with it once. */
  unique: z.number(),
});
export type PruneItem = z.infer<typeof PruneItem>;

export const PrunePreview = z.object({
  mode: PruneMode,
  items: z.array(PruneItem),
  /** Bytes of the layers no remaining image uses. */
  estimatedSpace: z.number(),
});
export type PrunePreview = z.infer<typeof PrunePreview>;

export const PruneResult = z.object({
  /** Ids of the images that were deleted (listed images and their intermediate parents). */
  deleted: z.array(z.string()),
  untagged: z.array(z.string()),
  spaceReclaimed: z.number(),
});
export type PruneResult = z.infer<typeof PruneResult>;

export const ContainerChangeKind = z.enum(['modified', 'added', 'deleted']);
export const ChangedPath = z.object({ path: z.string(), kind: ContainerChangeKind });
export type ChangedPath = z.infer<typeof ChangedPath>;

export const WritableLayerSize = z.object({
  /** Bytes written in the container's own layer (SizeRw). */
  sizeRw: z.number(),
  /** Bytes of the whole root filesystem: image layers plus SizeRw. */
  sizeRootFs: z.number(),
});
export type WritableLayerSize = z.infer<typeof WritableLayerSize>;
