import { z } from 'zod';
import { call, stream, type CallSpec, type StreamSpec } from './define';
import { ContainerId } from '../models/container';
import { DownloadOffer } from '../models/download';
import { LogChunk, LogTail, LogTarget } from '../models/logs';
import { LogLineCap } from '../models/settings';

// Feature contract: calls and streams of this feature, spread into calls.ts and streams.ts.
export const logCalls = {
  'logs.download': call({
    doc:
      "Offers a container's whole log as a file, streamed from the engine (never held in memory): " +
      'the bytes `docker logs` prints (stdout and stderr in the order the engine sends them; ' +
      'with `timestamps`, as `docker logs -t`). Browser mode answers with a one-time URL, Electron saves.',
    request: z.object({ id: ContainerId, timestamps: z.boolean().default(false) }).strict(),
    response: DownloadOffer,
  }),
} as const satisfies Record<string, CallSpec>;

export const logStreams = {
  'logs.follow': stream({
    doc:
      'The log of a container or of every container of a compose project: first `sources`, then the ' +
      'last `tail` lines of each container and every new line, in batches (per ~16 ms or 64 KB) encoded ' +
      'as bytes by src-common/logs-codec.ts. A ' +
      'stopped container is followed again when it starts (nothing repeated, nothing lost); a removed ' +
      "one is reported in `sources`, and a container's stream then completes. With `keep` (the " +
      "view's line limit) and a tail longer than it, only the newest `keep` lines of the history " +
      'are sent and the older ones are counted in `skipped` chunks.',
    args: z.object({ target: LogTarget, tail: LogTail.default(1000), keep: LogLineCap.optional() }).strict(),
    chunk: LogChunk,
  }),
} as const satisfies Record<string, StreamSpec>;
