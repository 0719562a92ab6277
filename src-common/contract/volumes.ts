import { z } from 'zod';
import { call, stream, type CallSpec, type StreamSpec } from './define';
import { BrowseChunk } from '../models/files';
import {
  CreateVolumeOutcome,
  CreateVolumeRequest,
  VolumeChange,
  VolumeName,
  VolumePrunePreview,
  VolumePruneResult,
  VolumePruneScope,
  VolumeSizes,
  VolumeSummary,
} from '../models/volumes';

/** Engine label filters ("key" or "key=value"): a prune considers only volumes matching all of them. */
const LabelFilters = z.array(z.string().min(1).max(512)).max(16).optional();

// Feature contract: calls and streams of this feature, spread into calls.ts and streams.ts.
export const volumeCalls = {
  'volumes.list': call({
    doc: 'Every volume with the containers using it (the live list is the volumes.changes stream).',
    request: z.object({}).strict(),
    response: z.array(VolumeSummary),
  }),
  'volumes.create': call({
    doc:
      'Create a volume from the dialog: name (empty: an anonymous 64-hex name), driver, labels and driver ' +
      'options as KEY=VALUE lines. Every field is checked first; problems come back per field.',
    request: CreateVolumeRequest,
    response: CreateVolumeOutcome,
  }),
  'volumes.remove': call({
    doc:
      'Remove one volume. Refused (conflict) while any container, running or not, mounts it; ' +
      'the message names them. Closes this Berth\'s own browse sessions of it first.',
    request: z.object({ name: VolumeName }).strict(),
    response: z.null(),
  }),
  'volumes.measureSizes': call({
    doc: 'Every volume\'s size from `/system/df` (expensive: the engine walks each volume), with when it was measured.',
    request: z.object({}).strict(),
    response: VolumeSizes,
  }),
  'volumes.prunePreview': call({
    doc:
      'Exactly what volumes.prune would remove now: unused local volumes (no container, running or not, ' +
      "mounts them), anonymous ones only unless the scope is 'all'. Sizes from the latest measurement.",
    request: z.object({ scope: VolumePruneScope, labels: LabelFilters }).strict(),
    response: VolumePrunePreview,
  }),
  'volumes.prune': call({
    doc:
      'Remove the volumes the preview listed (`names`), each only if it is still unused and in scope, one ' +
      "by one — never the engine's prune, which on API 1.41 would take named volumes too. Returns what went, " +
      'what could not (with the reason) and the bytes they held.',
    request: z
      .object({ scope: VolumePruneScope, names: z.array(VolumeName).max(10_000), labels: LabelFilters })
      .strict(),
    response: VolumePruneResult,
  }),
} as const satisfies Record<string, CallSpec>;

export const volumeStreams = {
  'volumes.changes': stream({
    doc:
      'The live volume list: a snapshot first (and after every events-stream reconnect), then one upsert ' +
      'or remove per changed volume (create, destroy, and "used by" as containers come and go).',
    args: z.object({}).strict(),
    chunk: VolumeChange,
  }),
  'volumes.browse': stream({
    doc:
      "A session for reading and writing a volume's files: a helper container that mounts it is created " +
      '(never started, from an image already on the engine) and `ready` names the session for the files.* ' +
      'calls. Ending the stream — or the client going away — removes the helper.',
    args: z.object({ name: VolumeName }).strict(),
    chunk: BrowseChunk,
  }),
} as const satisfies Record<string, StreamSpec>;
