import { PassThrough, type Readable } from 'node:stream';
import { extract } from 'tar-stream';

/**
 * The body of the one file a tar holds (the engine's archive of a single file), as a
 * stream with backpressure: a 1 GB file flows through and is never held in memory. The
 * tar request is destroyed once the file has passed, or when the reader goes away.
 */
export function singleFileBody(tar: Readable): Readable {
  const out = new PassThrough();
  const parser = extract();
  let found = false;
  const stop = (err?: Error) => {
    tar.destroy();
    parser.destroy();
    if (err) out.destroy(err);
  };
  parser.on('entry', (header, stream, next) => {
    if (found || (header.type !== 'file' && header.type !== 'contiguous-file')) {
      stream.on('end', () => next());
      stream.resume();
      return;
    }
    found = true;
    stream.on('end', () => {
      out.end();
      stop();
    });
    stream.on('error', (err: Error) => stop(err));
    (stream as unknown as Readable).pipe(out, { end: false });
  });
  parser.on('finish', () => {
    if (!found) out.end();
  });
  parser.on('error', (err: Error) => stop(err));
  tar.on('error', (err: Error) => stop(err));
  out.on('close', () => {
    if (!out.readableEnded) stop();
  });
  tar.pipe(parser as unknown as NodeJS.WritableStream);
  return out;
}

/**
 * Reads at most `maxBytes` of the one file a tar holds, then drops the request. Returns
 * the bytes read and whether the file went on beyond them.
 */
export async function readFileStart(tar: Readable, maxBytes: number): Promise<{ bytes: Buffer; truncated: boolean }> {
  const body = singleFileBody(tar);
  const parts: Buffer[] = [];
  let size = 0;
  let truncated = false;
  try {
    for await (const chunk of body) {
      const buf = chunk as Buffer;
      const room = maxBytes - size;
      if (buf.length > room) {
        parts.push(buf.subarray(0, room));
        size += room;
        truncated = true;
        break;
      }
      parts.push(buf);
      size += buf.length;
    }
  } finally {
    body.destroy();
    tar.destroy();
  }
  return { bytes: Buffer.concat(parts, size), truncated };
}

/** Binary when it has a NUL in its first 8 KB or is not UTF-8 (a character cut at the end is fine). */
export function decodeText(bytes: Buffer, truncated: boolean): string | null {
  if (bytes.subarray(0, 8192).includes(0)) return null;
  try {
    const decoder = new TextDecoder('utf-8', { fatal: true });
    return truncated ? decoder.decode(bytes, { stream: true }) : decoder.decode(bytes);
  } catch {
    return null;
  }
}
