import { z } from 'zod';
import { call, stream, type CallSpec, type StreamSpec } from './define';
import { ImageRefString } from '../image-ref';
import { HubSearchResponse, LoginResult, RegistryOverview, TransferSnapshot } from '../models/registries';

const ServerAddress = z
  .string()
  .trim()
  .min(1, 'Enter a registry, for example ghcr.io or localhost:5000.')
  .max(512)
  .regex(/^(https?:\/\/)?[A-Za-z0-9.[\]:-]+(\/[\w./-]*)?$/, 'A registry is a host name with an optional port, e.g. ghcr.io or 127.0.0.1:5000.');

/** Pull, push, registry logins (compatible with the docker CLI's config.json and credential helpers), Docker Hub search. */
export const registryCalls = {
  'registries.overview': call({
    doc: 'The registries Berth has credentials for (server and username only, never a secret) and where a new login would be stored.',
    request: z.object({}).strict(),
    response: RegistryOverview,
  }),
  'registries.login': call({
    doc:
      'Checks the credentials with the registry (through the engine), then stores them: a credential helper when ' +
      'config.json names one, else Berth\'s encrypted store, else this session only. A refusal is a value naming the field.',
    request: z
      .object({
        server: ServerAddress,
        username: z.string().min(1, 'Enter a username.').max(256),
        /** A password or an access token; never logged, never sent back. */
        password: z.string().min(1, 'Enter a password or token.').max(8192),
      })
      .strict(),
    response: LoginResult,
  }),
  'registries.logout': call({
    doc: 'Forgets the credentials of one server everywhere Berth finds them: the helper, Berth\'s store, config.json\'s auths.',
    request: z.object({ server: ServerAddress }).strict(),
    response: z.null(),
  }),
  'registries.searchHub': call({
    doc: 'Docker Hub search through the engine (GET /images/search). No internet on the engine is a value with a message.',
    request: z.object({ term: z.string().trim().min(1).max(256), limit: z.number().int().min(1).max(100).default(25) }).strict(),
    response: HubSearchResponse,
  }),
} as const satisfies Record<string, CallSpec>;

export const registryStreams = {
  'registries.pull': stream({
    doc:
      'Pulls an image with the stored credentials of its registry. Snapshots of the per-layer progress, at most ten a ' +
      'second; the last has finished=true. Unsubscribing cancels the pull.',
    args: z.object({ ref: ImageRefString }).strict(),
    chunk: TransferSnapshot,
  }),
  'registries.push': stream({
    doc: 'Pushes a local image to the registry its name says, with per-layer progress as for pull; the last snapshot has the digest.',
    args: z.object({ ref: ImageRefString }).strict(),
    chunk: TransferSnapshot,
  }),
} as const satisfies Record<string, StreamSpec>;
