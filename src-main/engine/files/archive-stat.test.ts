import { describe, expect, it } from 'vitest';
import { decodePathStat, fileTypeOfMode, permissionsOfMode } from './archive-stat';

const header = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64');

describe('decodePathStat', () => {
  it("reads the engine's stat header (Go FileMode bits)", () => {
    expect(decodePathStat(header({ name: 'volume', size: 4096, mode: 2147484141, mtime: '2026-12-03T12:54:46.385Z', linkTarget: '' }), '/v')).toEqual({
      path: '/v',
      name: 'volume',
      type: 'directory',
      size: 4096,
      mode: 0o755,
      mtime: Math.floor(Date.parse('2026-12-03T12:54:46.385Z') / 1000),
    });
    expect(decodePathStat(header({ name: 'l', size: 7, mode: 134218239, mtime: '2026-12-03T13:01:04Z', linkTarget: '/v/real' }), '/v/l')).toMatchObject({
      type: 'symlink',
      mode: 0o777,
      linkTarget: '/v/real',
    });
  });
  it('never throws on a malformed header', () => {
    expect(decodePathStat(undefined, '/')).toBeNull();
    expect(decodePathStat('%%%not base64', '/')).toBeNull();
    expect(decodePathStat(header({ size: -3, mode: 'x' }), '/f')).toMatchObject({ type: 'file', size: 0, mode: 0 });
  });
  it('maps setuid, setgid and sticky, and the other types', () => {
    expect(permissionsOfMode(2 ** 23 + 0o755)).toBe(0o4755);
    expect(permissionsOfMode(2 ** 31 + 2 ** 20 + 0o777)).toBe(0o1777);
    expect(fileTypeOfMode(2 ** 25)).toBe('other');
    expect(fileTypeOfMode(0o644)).toBe('file');
  });
});
