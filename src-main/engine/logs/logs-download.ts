import { pipeline, Transform } from 'node:stream';
import type { DockerClient } from '../connection/docker-client';
import { containerLabel } from '../connection/docker-client';
import { createFrameDemuxer } from './log-frames';

export interface LogDownload {
  filename: string;
  contentType: string;
  open(signal: AbortSignal): Promise<NodeJS.ReadableStream>;
}

/**
 * A container's whole log as `docker logs` prints it: a TTY container's bytes as they
 * are; otherwise the frames' payloads, stdout and stderr in the order the engine sends
 * them. Streamed: each engine chunk is demultiplexed and passed on, nothing is gathered.
 */
export async function containerLogDownload(
  client: DockerClient,
  id: string,
  options: { timestamps: boolean },
): Promise<LogDownload> {
  const raw = await client.inspectContainer({ id });
  const name = (raw.Name ?? raw.Id.slice(0, 12)).replace(/^\//, '');
  const tty = raw.Config?.Tty === true;
  return {
    filename: `${name}.log`,
    contentType: 'text/plain; charset=utf-8',
    async open(signal) {
      const body = await client.streamGet({
        path: `/containers/${encodeURIComponent(raw.Id)}/logs`,
        query: { stdout: 1, stderr: 1, ...(options.timestamps ? { timestamps: 1 } : {}) },
        signal,
        action: 'download the logs of',
        object: containerLabel({ id: raw.Id, name }),
      });
      if (tty) return body;
      // pipeline, not pipe: an engine stream that fails must fail the download too.
      return pipeline(body, createDemuxTransform(), () => {});
    },
  };
}

/** Frames in, payload bytes out (stdout, stderr and stdin frames alike, in order). */
export function createDemuxTransform(): Transform {
  // Views into the incoming chunk are safe to pass on: Node never reuses a chunk.
  const demuxer = createFrameDemuxer((_stream, bytes) => out.push(bytes));
  const out = new Transform({
    transform(chunk: Buffer, _enc, done) {
      demuxer.push(chunk);
      done();
    },
    flush(done) {
      demuxer.end();
      done();
    },
  });
  return out;
}
