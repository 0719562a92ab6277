import { z } from 'zod';
import { call } from './define';
import { imageCalls } from './images';
import { registryCalls } from './registries';
import { buildRunCalls } from './build-run';
import { logCalls } from './logs';
import { terminalCalls } from './terminal';
import { desktopCalls } from './desktop';
import { volumeCalls } from './volumes';
import { fileCalls } from './files';
import { systemCalls } from './system';
import { networkCalls } from './networks';
import { statsCalls } from './stats';
import { EngineStatus } from '../models/engine-status';
import { ContainerDetails, ContainerId, ContainerSummary } from '../models/container';

const ById = z.object({ id: ContainerId }).strict();

/** Engine and container calls; each later feature has its own file, spread in below. */
export const coreCalls = {
  'engine.getStatus': call({
    doc: 'The current engine status (also pushed by the engine.status stream).',
    request: z.object({}).strict(),
    response: EngineStatus,
  }),
  'engine.reconnect': call({
    doc: 'Try the engine again now instead of waiting for the next backoff step.',
    request: z.object({}).strict(),
    response: z.null(),
  }),
  'engine.resync': call({
    doc: 'Ask the engine again now for the live lists (containers, images): Retry after a failed load.',
    request: z.object({}).strict(),
    response: z.null(),
  }),
  'containers.list': call({
    doc: 'All containers, running or not (the live list is the containers.changes stream).',
    request: z.object({}).strict(),
    response: z.array(ContainerSummary),
  }),
  'containers.inspect': call({
    doc: 'The details view of one container.',
    request: ById,
    response: ContainerDetails,
  }),
  'containers.start': call({ doc: 'Start a created or exited container.', request: ById, response: z.null() }),
  'containers.stop': call({
    doc: 'Stop a container: SIGTERM, then SIGKILL after the timeout (engine default when absent).',
    request: ById.extend({ timeoutSeconds: z.number().int().min(0).max(3600).optional() }).strict(),
    response: z.null(),
  }),
  'containers.restart': call({ doc: 'Restart a container.', request: ById, response: z.null() }),
  'containers.pause': call({ doc: 'Freeze all processes of a running container.', request: ById, response: z.null() }),
  'containers.unpause': call({ doc: 'Resume a paused container.', request: ById, response: z.null() }),
  'containers.kill': call({
    doc: 'Send a signal (SIGKILL by default) to the main process.',
    request: ById.extend({
      signal: z
        .string()
        .regex(/^(SIG)?[A-Z0-9]+$/, 'a signal name such as SIGKILL')
        .optional(),
    }).strict(),
    response: z.null(),
  }),
  'containers.remove': call({
    doc:
      'Remove a container. Named volumes are never removed; anonymous volumes only when asked. ' +
      'A running container needs force.',
    request: ById.extend({
      force: z.boolean(),
      removeAnonymousVolumes: z.boolean(),
    }).strict(),
    response: z.null(),
  }),
} as const;

/**
 * Every call the UI can make. Adding one is an entry in its feature's contract file plus
 * a handler in src-main/api/; both transports and the renderer's client follow.
 */
export const calls = {
  ...coreCalls,
  ...imageCalls,
  ...registryCalls,
  ...buildRunCalls,
  ...logCalls,
  ...terminalCalls,
  ...desktopCalls,
  ...volumeCalls,
  ...fileCalls,
  ...systemCalls,
  ...networkCalls,
  ...statsCalls,
} as const;

export type Calls = typeof calls;
export type CallName = keyof Calls;
export type CallRequest<N extends CallName> = z.input<Calls[N]['request']>;
export type CallResponse<N extends CallName> = z.output<Calls[N]['response']>;
/** The request as a handler receives it: validated, defaults applied. */
export type CallParsedRequest<N extends CallName> = z.output<Calls[N]['request']>;
