import { z } from 'zod';
import { call, stream, type CallSpec, type StreamSpec } from './define';
import { ContainerId } from '../models/container';
import { DownloadOffer } from '../models/download';
import {
  ChangedPath,
  ImageChange,
  ImageDetails,
  ImageFamily,
  ImageIdOrRef,
  ImageLayers,
  ImageSummary,
  PruneMode,
  PrunePreview,
  PruneResult,
  RemoveImageResult,
  WritableLayerSize,
} from '../models/images';
import { ImageRefString } from '../image-ref';

const ById = z.object({ id: ImageIdOrRef }).strict();
/** Engine label filters ("key" or "key=value"); prune removes only images that match all of them. */
const LabelFilters = z.array(z.string().min(1).max(512)).max(16).optional();

// Feature contract: calls and streams of this feature, spread into calls.ts and streams.ts.
export const imageCalls = {
  'images.list': call({
    doc: 'All local images except intermediate build layers (the live list is the images.changes stream).',
    request: z.object({}).strict(),
    response: z.array(ImageSummary),
  }),
  'images.inspect': call({
    doc: 'The details of one image: config, the containers using it, and the raw inspect JSON.',
    request: ById,
    response: ImageDetails,
  }),
  'images.layers': call({
    doc:
      'The history of one image base first, matched to its RootFS layers, with chain IDs, the other ' +
      'local images sharing each layer chain, and total/shared/unique sizes.',
    request: ById,
    response: ImageLayers,
  }),
  'images.family': call({
    doc: 'The family tree of all local images by common layer prefix, and the size accounting of each.',
    request: z.object({}).strict(),
    response: ImageFamily,
  }),
  'images.remove': call({
    doc:
      'Remove one name of an image (the image goes too when it was its last), or the image with all its ' +
      'names. Refused with a conflict that names the containers using it (stopped ones: unless force).',
    request: z
      .object({
        id: ImageIdOrRef,
        /** Remove only this name ("nginx:1.27"); without it the image and all its names go. */
        tag: z.string().min(1).max(512).optional(),
        force: z.boolean(),
      })
      .strict(),
    response: RemoveImageResult,
  }),
  'images.tag': call({
    doc: 'Give an image another name (repo:tag).',
    request: z.object({ id: ImageIdOrRef, target: ImageRefString }).strict(),
    response: z.null(),
  }),
  'images.prunePreview': call({
    doc: "Exactly what images.prune would remove now, computed with the engine's own rules.",
    request: z.object({ mode: PruneMode, labels: LabelFilters }).strict(),
    response: PrunePreview,
  }),
  'images.prune': call({
    doc: 'Remove dangling images, or every image no container uses; returns what went and the space reclaimed.',
    request: z.object({ mode: PruneMode, labels: LabelFilters }).strict(),
    response: PruneResult,
  }),
  'images.save': call({
    doc: 'Save images (by reference or id) to one .tar file: a download in browser mode, a save dialog in Electron.',
    request: z.object({ refs: z.array(ImageIdOrRef).min(1).max(64) }).strict(),
    response: DownloadOffer,
  }),
  'images.load': call({
    doc: 'Load images from a .tar file at a path on the machine Berth runs on.',
    request: z.object({ path: z.string().min(1).max(4096) }).strict(),
    response: z.object({ loaded: z.array(z.string()) }),
  }),
  'images.pickTarFile': call({
    doc: 'Electron: a native file picker for a .tar to load; null when cancelled or unavailable (browser mode).',
    request: z.object({}).strict(),
    response: z.string().nullable(),
  }),
  'containers.writableLayerSize': call({
    doc: "The size of a container's writable layer (SizeRw) and root filesystem; costly, so only on demand.",
    request: z.object({ id: ContainerId }).strict(),
    response: WritableLayerSize,
  }),
  'containers.changedPaths': call({
    doc: "The paths a container added, changed or deleted on top of its image's layers.",
    request: z.object({ id: ContainerId }).strict(),
    response: z.array(ChangedPath),
  }),
} as const satisfies Record<string, CallSpec>;

export const imageStreams = {
  'images.changes': stream({
    doc:
      'The live image list: a snapshot first (and after every events-stream reconnect), then one upsert ' +
      'or remove per changed image (tags, deletes, loads, and the used-by counts as containers change).',
    args: z.object({}).strict(),
    chunk: ImageChange,
  }),
} as const satisfies Record<string, StreamSpec>;
