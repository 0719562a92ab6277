import { z } from 'zod';

/**
 * A volume that exists: the engine's names are `[a-zA-Z0-9][a-zA-Z0-9_.-]*` (anonymous
 * ones 64 hex digits). A "/" can never be part of one, so a path cannot be smuggled in.
 */
export const VolumeName = z
  .string()
  .min(1)
  .max(255)
  .regex(/^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/, 'a volume name (letters, digits, "_", "." and "-"; no "/")');

/** A container that mounts a volume, as the live container list knows it. */
export const VolumeUser = z.object({
  id: z.string(),
  name: z.string(),
  /** The container's state: a running user and a stopped one both hold the volume. */
  state: z.string(),
});
export type VolumeUser = z.infer<typeof VolumeUser>;

/** One row of the volumes page. */
export const VolumeSummary = z.object({
  name: z.string(),
  driver: z.string(),
  /** "local" or "global" (the driver's scope). */
  scope: z.string(),
  mountpoint: z.string(),
  /** ISO time, or null when the engine does not say (older engines, some drivers). */
  created: z.string().nullable(),
  labels: z.record(z.string(), z.string()),
  /** The driver options it was created with. */
  options: z.record(z.string(), z.string()),
  composeProject: z.string().nullable(),
  /** Made by the engine for an unnamed mount (see isAnonymousVolume in volume-spec.ts). */
  anonymous: z.boolean(),
  /** Every container that mounts it, running or not, live from the container list. */
  usedBy: z.array(VolumeUser),
});
export type VolumeSummary = z.infer<typeof VolumeSummary>;

export const VolumeChange = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('snapshot'), volumes: z.array(VolumeSummary) }),
  z.object({ kind: z.literal('upsert'), volume: VolumeSummary }),
  z.object({ kind: z.literal('remove'), name: z.string() }),
]);
export type VolumeChange = z.infer<typeof VolumeChange>;

/** Sizes from `/system/df` (expensive, so only when asked), with when they were measured. */
export const VolumeSizes = z.object({
  /** Unix ms. */
  measuredAt: z.number(),
  /** Name → bytes; -1 where the driver cannot tell. */
  sizes: z.record(z.string(), z.number()),
});
export type VolumeSizes = z.infer<typeof VolumeSizes>;

export const CreateVolumeRequest = z
  .object({
    name: z.string().max(300),
    driver: z.string().max(300),
    labels: z.string().max(64 * 1024),
    options: z.string().max(64 * 1024),
  })
  .strict();

/** The create dialog's outcome: the volume, or problems tied to the form's fields. */
export const CreateVolumeOutcome = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('created'), name: z.string() }),
  z.object({
    kind: z.literal('invalid'),
    problems: z.partialRecord(z.enum(['name', 'driver', 'labels', 'options']), z.string()),
  }),
]);
export type CreateVolumeOutcome = z.infer<typeof CreateVolumeOutcome>;

/** Which unused volumes a prune takes: anonymous ones, or named ones as well (an explicit choice). */
export const VolumePruneScope = z.enum(['anonymous', 'all']);
export type VolumePruneScope = z.infer<typeof VolumePruneScope>;

export const VolumePruneItem = z.object({
  name: z.string(),
  anonymous: z.boolean(),
  created: z.string().nullable(),
  composeProject: z.string().nullable(),
  /** Bytes from the latest measurement, null when none was made or the driver cannot tell. */
  size: z.number().nullable(),
});
export type VolumePruneItem = z.infer<typeof VolumePruneItem>;

export const VolumePrunePreview = z.object({
  scope: VolumePruneScope,
  /** Exactly the volumes volumes.prune would remove now: unused local volumes of the scope. */
  items: z.array(VolumePruneItem),
  /** Unused named volumes left out because the scope is 'anonymous' (shown so the choice is informed). */
  namedKept: z.number().int(),
  /** When the sizes were measured (unix ms), or null. */
  sizesMeasuredAt: z.number().nullable(),
  /**
   * What `docker volume prune` would take on this engine: API 1.41 removes every unused
   * local volume, named ones too; 1.42+ only anonymous ones unless asked for all.
   */
  engineRule: z.enum(['all-unused', 'anonymous-only']),
});
export type VolumePrunePreview = z.infer<typeof VolumePrunePreview>;

export const VolumePruneResult = z.object({
  removed: z.array(z.string()),
  /** Volumes that could not go (a container started using one meanwhile), with the engine's reason. */
  failed: z.array(z.object({ name: z.string(), message: z.string() })),
  /** Bytes the removed volumes held (from sizesMeasuredAt's measurement); null when none could be made. */
  spaceReclaimed: z.number().nullable(),
  /** When the sizes were measured (unix ms): the dialog's own measurement, or one made just before removing. */
  sizesMeasuredAt: z.number().nullable(),
});
export type VolumePruneResult = z.infer<typeof VolumePruneResult>;
