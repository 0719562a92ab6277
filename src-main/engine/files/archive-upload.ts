import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ApiError } from '../../../src-common/contract/errors';
import { fileMessages } from './files-messages';
import type { FilesService, FilesTarget } from './files-service';
import { checkArchive } from './tar-safety';

/**
 * "Extract a .tar here" for an archive on this machine's disk: every entry is checked
 * first (tar-safety.ts), and only an archive with no entry pointing outside the folder is
 * sent to the engine, unchanged. A refused archive writes nothing.
 */
export async function extractArchiveFile(files: FilesService, t: FilesTarget, folder: string, file: string, signal?: AbortSignal): Promise<void> {
  await checkArchive(createReadStream(file));
  await files.extractInto(t, folder, createReadStream(file), signal);
}

/** Counts the bytes that pass, so a body that ends short of its announced size is caught. */
function counting(expected: number): Transform & { seen(): number } {
  let seen = 0;
  const t = new Transform({
    transform(chunk: Buffer, _enc, done) {
      seen += chunk.length;
      if (seen > expected) return done(new ApiError('invalid-request', fileMessages.uploadSizeMismatch(expected, seen)));
      done(null, chunk);
    },
  });
  return Object.assign(t, { seen: () => seen });
}

/**
 * The same for an archive arriving as a request body (browser mode): it is spooled to a
 * private temporary file (disk, not memory), checked there, sent, and deleted.
 */
export async function extractArchiveBody(files: FilesService, t: FilesTarget, folder: string, body: Readable, size: number): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'berth-upload-'));
  const file = join(dir, 'archive.tar');
  try {
    const counter = counting(size);
    await pipeline(body, counter, createWriteStream(file, { mode: 0o600 }));
    if (counter.seen() !== size) throw new ApiError('invalid-request', fileMessages.uploadSizeMismatch(size, counter.seen()));
    await extractArchiveFile(files, t, folder, file);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
