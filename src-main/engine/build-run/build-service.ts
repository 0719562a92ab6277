import type { IncomingMessage } from 'node:http';
import { ApiError } from '../../../src-common/contract/errors';
import { imageRefProblem } from '../../../src-common/image-ref';
import type { BuildChunk, BuildRequest, BuildStep } from '../../../src-common/models/build-run';
import { checkBuildContext } from './build-context';
import { createBuildOutput } from './build-output';
import { packContext } from './build-tar';
import type { DockerClient } from '../connection/docker-client';
import { createJsonLinesParser } from '../connection/json-lines';

export interface BuildHandle {
  /** Aborts the engine request and stops packing. */
  cancel(): void;
  /** Resolves when the build ended (done, failed or cancelled); rejects on a transport failure. */
  finished: Promise<void>;
}

export interface BuildOptions {
  /**
   * Flow control: when `emit` returns false the engine's response is paused until a
   * listener registered here is called (the transport's backlog drained).
   */
  onDrain?: (listener: () => void) => void;
  /** Lines are sent in batches: at most this often (ms)… */
  flushMs?: number;
  /** …or at this many lines. */
  maxBatch?: number;
}

export const buildMessages = {
  badTag: (problem: string) => `The tag is not a valid image name: ${problem}`,
  noImageId: 'The engine ended the build without an image id.',
  cancelled: 'The build was cancelled.',
} as const;

/** The query of POST /build; only what was asked is sent (no hidden labels). */
export function buildQuery(req: BuildRequest, dockerfile: string): Record<string, string> {
  // forcerm: a failed step's container is removed too, so a failed build leaves no stopped
  // container behind (the CLI's default keeps it; in an app nobody would find it).
  const q: Record<string, string> = { t: req.tag.trim(), dockerfile, rm: '1', forcerm: '1' };
  if (Object.keys(req.buildArgs).length) q.buildargs = JSON.stringify(req.buildArgs);
  if (Object.keys(req.labels).length) q.labels = JSON.stringify(req.labels);
  if (req.target.trim() !== '') q.target = req.target.trim();
  if (req.noCache) q.nocache = '1';
  return q;
}

/**
 * Runs one build: checks the context and the tag, streams the packed context to the
 * engine and the engine's output back as chunks. `emit` gets the chunks in order; a
 * failed build is a 'failed' chunk, not a rejection. The engine is asked for only once
 * the folder and tag passed their checks, so a refused path never waits on (or names) it.
 */
export function startBuild(
  requireClient: () => DockerClient,
  req: BuildRequest,
  emit: (chunk: BuildChunk) => boolean | void,
  options: BuildOptions = {},
): BuildHandle {
  const abort = new AbortController();
  let packed: ReturnType<typeof packContext> | null = null;
  const flushMs = options.flushMs ?? 50;
  const maxBatch = options.maxBatch ?? 500;

  const finished = (async () => {
    const problem = imageRefProblem(req.tag.trim());
    if (problem) throw new ApiError('invalid-request', buildMessages.badTag(problem), req.tag);
    const context = await checkBuildContext(req.contextPath, req.dockerfile);
    if (abort.signal.aborted) return;
    packed = packContext(context.contextPath, context.matcher);
    void packed.done.then(({ files, bytes }) => {
      if (!abort.signal.aborted) emit({ kind: 'sent', files, contextBytes: bytes });
    }, () => {});

    const response = await requireClient().request<IncomingMessage>({
      method: 'POST',
      path: '/build',
      query: buildQuery(req, context.dockerfile),
      upload: packed.stream,
      response: 'stream',
      signal: abort.signal,
      action: 'build',
      object: `image ${req.tag.trim()}`,
    });

    const output = createBuildOutput();
    let batch: string[] = [];
    let batchStep: BuildStep | null = null;
    let timer: NodeJS.Timeout | null = null;
    const flush = () => {
      if (timer) clearTimeout(timer);
      timer = null;
      if (batch.length === 0 && batchStep === null) return;
      const keepGoing = emit({ kind: 'output', lines: batch, step: output.step });
      batch = [];
      batchStep = null;
      // A consumer that is behind pauses the engine's output (the build waits on its pipe).
      if (keepGoing === false && options.onDrain && !response.isPaused()) response.pause();
    };
    options.onDrain?.(() => {
      if (response.isPaused()) response.resume();
    });
    const parser = createJsonLinesParser((message) => {
      const progress = output.push(message);
      batch.push(...progress.lines);
      if (progress.step) {
        // A new step goes out at once so the UI's "Step 3/7" is live, not batched.
        batchStep = progress.step;
        flush();
      } else if (batch.length >= maxBatch) flush();
      else if (batch.length > 0 && !timer) timer = setTimeout(flush, flushMs);
    });

    await new Promise<void>((resolve, reject) => {
      response.on('data', (chunk: Buffer) => parser.push(chunk));
      response.once('end', () => {
        parser.end();
        resolve();
      });
      response.once('error', reject);
      response.once('close', () => (abort.signal.aborted ? resolve() : undefined));
    });
    if (abort.signal.aborted) {
      if (timer) clearTimeout(timer);
      return;
    }
    batch.push(...output.flush());
    flush();
    if (output.error !== null) emit({ kind: 'failed', message: output.error, step: output.step });
    else if (output.imageId !== null) emit({ kind: 'done', imageId: output.imageId, tag: req.tag.trim() });
    else emit({ kind: 'failed', message: buildMessages.noImageId, step: output.step });
  })();

  return {
    cancel() {
      abort.abort();
      (packed as ReturnType<typeof packContext> | null)?.destroy();
    },
    finished: finished.catch((err: unknown) => {
      if (abort.signal.aborted) return;
      throw err;
    }),
  };
}
