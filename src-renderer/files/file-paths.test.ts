import { describe, expect, it } from 'vitest';
import { compareEntries, crumbsOf, joinPath, modeString, parentOf, resolveLink } from './file-paths';

describe('file paths', () => {
  it('joins, climbs and splits paths', () => {
    expect(joinPath('/', 'a')).toBe('/a');
    expect(joinPath('/a', 'b')).toBe('/a/b');
    expect(parentOf('/a/b')).toBe('/a');
    expect(parentOf('/a')).toBe('/');
    expect(crumbsOf('/a/b')).toEqual([
      { path: '/', name: '/' },
      { path: '/a', name: 'a' },
      { path: '/a/b', name: 'b' },
    ]);
  });

  it('resolves link targets against their folder without climbing above the root', () => {
    expect(resolveLink('/usr/bin', '../lib/x')).toBe('/usr/lib/x');
    expect(resolveLink('/a', '/etc/./hosts')).toBe('/etc/hosts');
    expect(resolveLink('/a', '../../../x')).toBe('/x');
  });

  it('writes modes like ls -l', () => {
    expect(modeString('directory', 0o755)).toBe('drwxr-xr-x');
    expect(modeString('file', 0o640)).toBe('-rw-r-----');
    expect(modeString('symlink', 0o777)).toBe('lrwxrwxrwx');
  });

  it('puts folders first', () => {
    const e = (name: string, type: 'file' | 'directory') => ({ name, type, size: 0, mode: 0, mtime: 0 });
    expect([e('b', 'file'), e('z', 'directory'), e('a', 'file')].sort(compareEntries).map((x) => x.name)).toEqual(['z', 'a', 'b']);
  });
});
