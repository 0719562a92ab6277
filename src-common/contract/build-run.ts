import { z } from 'zod';
import { call, stream, type CallSpec, type StreamSpec } from './define';
import {
  BuildChunk,
  BuildRequest,
  CheckedContext,
  RunForm,
  RunOptions,
  RunOutcome,
} from '../models/build-run';

// Feature contract: calls and streams of this feature, spread into calls.ts and streams.ts.
export const buildRunCalls = {
  'run.options': call({
    doc: 'What the run dialog offers: the networks (GET /networks) and the host CPUs and memory (GET /info). On demand.',
    request: z.object({}).strict(),
    response: RunOptions,
  }),
  'run.start': call({
    doc:
      'Checks the run form again (src-common/run-spec.ts), creates the container and starts it. ' +
      'Field-level refusals (name in use, port allocated) and a missing image come back as outcomes, not errors.',
    request: z.object({ form: RunForm }).strict(),
    response: RunOutcome,
  }),
  'build.pickContext': call({
    doc: 'A native folder picker for the build context (Electron). Browser mode answers supported: false; the user types a path.',
    request: z.object({}).strict(),
    response: z.object({ supported: z.boolean(), path: z.string().nullable() }),
  }),
  'build.checkContext': call({
    doc:
      'Checks a build context on the machine running Berth before any engine call: an absolute folder that ' +
      'exists, with the Dockerfile (relative to it, inside it) present.',
    request: z.object({ contextPath: z.string().min(1).max(4096), dockerfile: z.string().max(4096) }).strict(),
    response: CheckedContext,
  }),
} as const satisfies Record<string, CallSpec>;

export const buildRunStreams = {
  'build.run': stream({
    doc:
      'Builds an image: packs the context (honouring .dockerignore) as a streamed tar, POST /build, and sends ' +
      'the output in batches with the current step, then done (image id) or failed (the step and the engine\'s ' +
      'error). Unsubscribing aborts the build request.',
    args: BuildRequest,
    chunk: BuildChunk,
  }),
} as const satisfies Record<string, StreamSpec>;
