import { z } from 'zod';

/**
 * One layer's row in a pull or push. Pull: waiting → downloading → verifying →
 * extracting → done (or exists). Push: preparing → waiting → pushing → done (or exists).
 */
export const LayerState = z.enum([
  'waiting',
  'preparing',
  'downloading',
  'verifying',
  'extracting',
  'pushing',
  'done',
  'exists',
]);
export type LayerState = z.infer<typeof LayerState>;

export const LayerProgress = z.object({
  /** The short layer id the engine reports (12 hex characters). */
  id: z.string(),
  state: LayerState,
  /** Bytes moved in the current phase, when the engine says. */
  current: z.number().nonnegative().nullable(),
  total: z.number().nonnegative().nullable(),
  /** 0..1 over the layer's whole transfer (download and extract, or upload). */
  fraction: z.number().min(0).max(1),
});
export type LayerProgress = z.infer<typeof LayerProgress>;

/** Why a pull or push failed, in words a person can act on. */
export const TransferFailureKind = z.enum(['not-found', 'unauthorized', 'network', 'other']);
export type TransferFailureKind = z.infer<typeof TransferFailureKind>;

/**
 * The state of one pull or push, sent whole (layers are few) at most ten times a second.
 * The last chunk has `finished` true, with `digest` on success or `failure` when it failed.
 */
export const TransferSnapshot = z.object({
  ref: z.string(),
  layers: z.array(LayerProgress),
  /** 0..1 over all layers. */
  fraction: z.number().min(0).max(1),
  /** The engine's latest line that is not about a layer, e.g. "Status: Downloaded newer image for …". */
  status: z.string().nullable(),
  digest: z.string().nullable(),
  finished: z.boolean(),
  failure: z.object({ kind: TransferFailureKind, message: z.string() }).nullable(),
  /** A pull of an image already present: the engine said "Image is up to date" and moved nothing. */
  upToDate: z.boolean(),
  /** For an up-to-date pull, how many layers the local image has (null when unknown). */
  presentLayers: z.number().int().nonnegative().nullable(),
});
export type TransferSnapshot = z.infer<typeof TransferSnapshot>;

/** Where a login is kept: a docker credential helper, Berth's encrypted file, config.json, or this session only. */
export const CredentialSource = z.enum(['cred-helper', 'creds-store', 'berth', 'config-file', 'session']);
export type CredentialSource = z.infer<typeof CredentialSource>;

/** A registry Berth has credentials for. Never carries a secret. */
export const RegistryLogin = z.object({
  /** As the docker CLI keys it: "https://index.docker.io/v1/" for Docker Hub, else host[:port]. */
  server: z.string(),
  /** What the UI shows: "docker.io", "ghcr.io", "127.0.0.1:5000". */
  registry: z.string(),
  username: z.string().nullable(),
  source: CredentialSource,
  /** The helper's name for cred-helper / creds-store ("desktop", "pass", …). */
  helper: z.string().nullable(),
});
export type RegistryLogin = z.infer<typeof RegistryLogin>;

/** Where a new login would be stored, and why, so the form can say so before the user types. */
export const CredentialStorage = z.object({
  /** The docker config folder Berth reads ($DOCKER_CONFIG or ~/.docker). */
  configDir: z.string(),
  /** The credsStore of config.json, when set. */
  credsStore: z.string().nullable(),
  /** Berth's own encrypted store: available, or why not. */
  encryptedStore: z.discriminatedUnion('available', [
    z.object({ available: z.literal(true) }),
    z.object({ available: z.literal(false), reason: z.string() }),
  ]),
});
export type CredentialStorage = z.infer<typeof CredentialStorage>;

export const RegistryOverview = z.object({
  logins: z.array(RegistryLogin),
  storage: CredentialStorage,
  /** A problem reading config.json or a helper's list, shown but not fatal. */
  warnings: z.array(z.string()),
});
export type RegistryOverview = z.infer<typeof RegistryOverview>;

export const LoginResult = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    server: z.string(),
    registry: z.string(),
    source: CredentialSource,
    helper: z.string().nullable(),
    /** Set when source is 'session': why it could not be stored. */
    notStoredReason: z.string().nullable(),
  }),
  z.object({
    ok: z.literal(false),
    /** Which field the problem concerns, so the form shows it there. */
    field: z.enum(['server', 'username', 'password', 'form']),
    kind: TransferFailureKind,
    message: z.string(),
  }),
]);
export type LoginResult = z.infer<typeof LoginResult>;

export const HubSearchResult = z.object({
  name: z.string(),
  description: z.string(),
  stars: z.number().int(),
  official: z.boolean(),
  automated: z.boolean(),
});
export type HubSearchResult = z.infer<typeof HubSearchResult>;

export const HubSearchResponse = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), results: z.array(HubSearchResult) }),
  z.object({ ok: z.literal(false), message: z.string() }),
]);
export type HubSearchResponse = z.infer<typeof HubSearchResponse>;
