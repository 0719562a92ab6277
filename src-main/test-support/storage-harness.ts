// The real handlers on the real engine, for the volumes, files and disk usage integration tests.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import type { ApiHandlers, CallName, CallRequest, CallResponse, StreamEnd, StreamName, StreamArgs, StreamChunk } from '../../src-common/contract/index';
import { ApiError } from '../../src-common/contract/errors';
import { dispatchCall, openStream, type OpenedStream } from '../api/dispatch';
import type { DownloadSource } from '../api/downloads';
import { createApiHandlers } from '../api/handlers';
import { createUploadRegistry, type UploadRegistry } from '../api/uploads';
import { createEngine, type Engine } from '../engine/index';
import { createSettingsStore } from '../settings/settings-store';
import { waitFor } from './engine-fixtures';
import { TEST_CALLER } from './test-caller';

export interface OpenTestStream<S extends StreamName> {
  chunks: StreamChunk<S>[];
  ends: StreamEnd[];
  handle: OpenedStream;
}

export interface StorageHarness {
  engine: Engine;
  handlers: ApiHandlers;
  uploads: UploadRegistry;
  /** The download sources handlers offered, newest last. */
  downloads: DownloadSource[];
  call<N extends CallName>(method: N, args: CallRequest<N>): Promise<CallResponse<N>>;
  open<S extends StreamName>(name: S, args: StreamArgs<S>): OpenTestStream<S>;
  /** Sends files through an upload offer as the page would (without HTTP). */
  sendUpload(url: string, bodies: readonly Buffer[]): Promise<void>;
  dispose(): Promise<void>;
}

export async function startStorageHarness(): Promise<StorageHarness> {
  const dir = await mkdtemp(join(tmpdir(), 'berth-storage-'));
  const engine = createEngine({ homeDir: dir });
  const uploads = createUploadRegistry();
  const downloads: DownloadSource[] = [];
  const handlers = createApiHandlers(engine, {
    mode: 'browser',
    dataDir: dir,
    settings: await createSettingsStore(dir),
    offerDownload: async (source) => {
      downloads.push(source);
      return { kind: 'url', url: `/api/downloads/test-${downloads.length}`, filename: source.filename };
    },
    offerUpload: (sink) => uploads.offer(sink),
  });
  engine.start();
  await waitFor(() => engine.connection.current().state === 'connected', { timeoutMs: 15_000, description: 'engine connected' });
  const streams: OpenedStream[] = [];
  return {
    engine,
    handlers,
    uploads,
    downloads,
    async call(method, args) {
      const outcome = await dispatchCall(handlers, method, args, TEST_CALLER);
      if (!outcome.ok) throw ApiError.fromShape(outcome.error);
      return outcome.value as never;
    },
    open(name, args) {
      const chunks: never[] = [];
      const ends: StreamEnd[] = [];
      const opened = openStream(handlers, name, args, { next: (c) => chunks.push(c as never), end: (e) => ends.push(e) }, TEST_CALLER);
      if (!opened.ok) throw ApiError.fromShape(opened.error);
      streams.push(opened);
      return { chunks, ends, handle: opened };
    },
    async sendUpload(url, bodies) {
      const id = url.split('/').at(-1)!;
      for (const [index, body] of bodies.entries()) {
        const taken = uploads.take(id, index);
        if (!taken.ok) throw new Error(`upload ${index}: ${taken.why}`);
        await taken.sink.receive(index, Readable.from([body]), body.length);
      }
    },
    async dispose() {
      for (const s of streams) s.cancel();
      await engine.dispose();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Reads a whole stream (tests only: small downloads). */
export async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const chunk of stream) parts.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(parts);
}
