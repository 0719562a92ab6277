import { Readable } from 'node:stream';
import { pack } from 'tar-stream';
import { describe, expect, it } from 'vitest';
import { checkArchive, unsafeEntryReason } from './tar-safety';

describe('unsafeEntryReason', () => {
  it.each([
    [{ name: 'a/b.txt', type: 'file' as const, linkname: '' }, null],
    [{ name: './a', type: 'file' as const, linkname: '' }, null],
    [{ name: 'a/link', type: 'symlink' as const, linkname: '../b' }, null],
    [{ name: 'hard', type: 'link' as const, linkname: 'a/b.txt' }, null],
    [{ name: '/etc/passwd', type: 'file' as const, linkname: '' }, 'is an absolute path'],
    [{ name: '../x', type: 'file' as const, linkname: '' }, 'climbs out of the folder with ".."'],
    [{ name: 'a/../../x', type: 'directory' as const, linkname: '' }, 'climbs out of the folder with ".."'],
    [{ name: 'link', type: 'symlink' as const, linkname: '/etc' }, 'links outside the folder (to "/etc")'],
    [{ name: 'a/link', type: 'symlink' as const, linkname: '../../etc' }, 'links outside the folder (to "../../etc")'],
    [{ name: 'hard', type: 'link' as const, linkname: '../x' }, 'links outside the folder (to "../x")'],
    [{ name: 'dev', type: 'character-device' as const, linkname: '' }, 'is a device file'],
  ])('%j → %s', (header, reason) => expect(unsafeEntryReason(header)).toBe(reason));
});

function tarOf(names: string[]): Readable {
  const p = pack();
  for (const name of names) p.entry({ name }, Buffer.from('x'));
  p.finalize();
  return p as unknown as Readable;
}

describe('checkArchive', () => {
  it('passes a clean archive', async () => {
    await expect(checkArchive(tarOf(['a', 'b/c']))).resolves.toEqual({ entries: 2 });
  });
  it('names the first bad entry', async () => {
    await expect(checkArchive(tarOf(['a', '../evil', 'b']))).rejects.toMatchObject({
      code: 'invalid-request',
      message: 'Refused the archive: its entry "../evil" climbs out of the folder with "..". Nothing was written.',
    });
  });
  it('says when the file is not a tar', async () => {
    await expect(checkArchive(Readable.from([Buffer.alloc(1024, 7)]))).rejects.toMatchObject({ code: 'invalid-request' });
  });
});
