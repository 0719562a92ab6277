import type { Readable } from 'node:stream';
import { pack as createPack } from 'tar-stream';

/** One file to upload: its safe relative path inside the target folder, its size, and its bytes. */
export interface UploadSource {
  path: string;
  size: number;
  /** Opened only when the packer reaches it, so one file at a time is read. */
  open(): Readable;
  mode?: number;
  mtime?: Date;
}

/**
 * A tar of the given files for `PUT /archive`, packed as it is read: owner 0:0, mode 0644
 * unless given; folders in a path ("sub/a.txt") are created by the engine. A source that
 * ends short of its size fails the whole stream (tar-stream checks every entry's length),
 * so a cut upload never lands as a truncated file.
 */
export function packUpload(sources: AsyncIterable<UploadSource> | Iterable<UploadSource>): Readable {
  const pack = createPack();
  void (async () => {
    try {
      for await (const source of sources) {
        await new Promise<void>((resolve, reject) => {
          const entry = pack.entry(
            { name: source.path, size: source.size, mode: source.mode ?? 0o644, mtime: source.mtime ?? new Date(), uid: 0, gid: 0, type: 'file' },
            (err) => (err ? reject(err) : resolve()),
          );
          const input = source.open();
          input.on('error', (err) => {
            entry.destroy(err);
            reject(err);
          });
          input.pipe(entry as unknown as NodeJS.WritableStream);
        });
      }
      pack.finalize();
    } catch (err) {
      pack.destroy(err as Error);
    }
  })();
  return pack as unknown as Readable;
}
