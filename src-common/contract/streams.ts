import { z } from 'zod';
import { stream } from './define';
import { imageStreams } from './images';
import { registryStreams } from './registries';
import { buildRunStreams } from './build-run';
import { logStreams } from './logs';
import { terminalStreams } from './terminal';
import { desktopStreams } from './desktop';
import { volumeStreams } from './volumes';
import { fileStreams } from './files';
import { networkStreams } from './networks';
import { activityStreams } from './activity';
import { statsStreams } from './stats';
import { EngineStatus } from '../models/engine-status';
import { ContainerChange } from '../models/container';

export const coreStreams = {
  'engine.status': stream({
    doc: 'The engine status: the current one at once, then every change.',
    args: z.object({}).strict(),
    chunk: EngineStatus,
  }),
  'containers.changes': stream({
    doc:
      'The live container list: a snapshot first (and after every events-stream reconnect), ' +
      'then one upsert or remove per changed container.',
    args: z.object({}).strict(),
    chunk: ContainerChange,
  }),
} as const;

/** Every stream main can push to the UI; features add theirs in their own contract file. */
export const streams = {
  ...coreStreams,
  ...imageStreams,
  ...registryStreams,
  ...buildRunStreams,
  ...logStreams,
  ...terminalStreams,
  ...desktopStreams,
  ...volumeStreams,
  ...fileStreams,
  ...networkStreams,
  ...activityStreams,
  ...statsStreams,
} as const;

export type Streams = typeof streams;
export type StreamName = keyof Streams;
export type StreamArgs<S extends StreamName> = z.input<Streams[S]['args']>;
export type StreamChunk<S extends StreamName> = z.output<Streams[S]['chunk']>;

export { StreamEnd } from './stream-end';
export type StreamParsedArgs<S extends StreamName> = z.output<Streams[S]['args']>;
