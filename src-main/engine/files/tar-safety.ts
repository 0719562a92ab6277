import { posix } from 'node:path';
import type { Readable } from 'node:stream';
import { extract, type Header } from 'tar-stream';
import { ApiError } from '../../../src-common/contract/errors';
import { fileMessages } from './files-messages';

/**
 * Why an entry of an archive the user asked to extract must not be written, or null.
 * Nothing may land outside the chosen folder: no absolute names, no "..", no symlink or
 * hard link pointing out of it, no device files.
 */
export function unsafeEntryReason(header: Pick<Header, 'name' | 'type' | 'linkname'>): string | null {
  const name = header.name;
  if (name.startsWith('/')) return fileMessages.entryAbsolute;
  const segments = name.split('/');
  if (segments.includes('..')) return fileMessages.entryParent;
  if (header.type === 'block-device' || header.type === 'character-device') return fileMessages.entryDevice;
  if (header.type === 'symlink' || header.type === 'link') {
    const target = header.linkname ?? '';
    if (target.startsWith('/')) return fileMessages.entryLinkOut(target);
    // A symlink resolves from its own folder; a hard link's name is from the archive's root.
    const base = header.type === 'symlink' ? posix.dirname(posix.normalize(name)) : '.';
    const resolved = posix.normalize(posix.join(base, target));
    if (resolved === '..' || resolved.startsWith('../')) return fileMessages.entryLinkOut(target);
  }
  return null;
}

/**
 * Reads a whole archive and refuses it (an ApiError naming the first bad entry) unless
 * every entry is safe. Run before anything is sent to the engine, so a refused archive
 * writes nothing at all. Bodies are skipped, not kept.
 */
export async function checkArchive(tar: Readable): Promise<{ entries: number }> {
  const parser = extract();
  let entries = 0;
  const outcome = new Promise<{ entries: number }>((resolve, reject) => {
    parser.on('entry', (header, stream, next) => {
      const reason = unsafeEntryReason(header);
      if (reason) {
        reject(new ApiError('invalid-request', fileMessages.unsafeEntry(header.name, reason)));
        parser.destroy();
        return;
      }
      entries += 1;
      stream.on('end', () => next());
      stream.resume();
    });
    parser.on('finish', () => resolve({ entries }));
    parser.on('error', (err: Error) => reject(new ApiError('invalid-request', fileMessages.notATar(err.message))));
    tar.on('error', (err: Error) => reject(err));
  });
  tar.pipe(parser as unknown as NodeJS.WritableStream);
  try {
    return await outcome;
  } finally {
    tar.destroy();
  }
}
