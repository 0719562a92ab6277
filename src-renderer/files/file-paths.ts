import type { FileEntry, FileType } from '../../src-common/models/files';

/** "/a/b" + "c" → "/a/b/c"; "/" + "c" → "/c". */
export const joinPath = (folder: string, name: string) => (folder === '/' ? `/${name}` : `${folder}/${name}`);

/** "/a/b/c" → "/a/b"; "/a" → "/". */
export const parentOf = (path: string) => {
  const cut = path.lastIndexOf('/');
  return cut <= 0 ? '/' : path.slice(0, cut);
};

/** The folders on the way to a path, for the breadcrumb: "/a/b" → ["/", "/a", "/a/b"]. */
export function crumbsOf(path: string): { path: string; name: string }[] {
  const out = [{ path: '/', name: '/' }];
  if (path === '/') return out;
  let current = '';
  for (const segment of path.slice(1).split('/')) {
    current += `/${segment}`;
    out.push({ path: current, name: segment });
  }
  return out;
}

/** A link target made absolute against the folder it sits in, normalized ("..", "."). */
export function resolveLink(folder: string, target: string): string {
  const parts = target.startsWith('/') ? [] : folder.split('/').filter(Boolean);
  for (const segment of target.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') parts.pop();
    else parts.push(segment);
  }
  return `/${parts.join('/')}`;
}

/** "drwxr-xr-x" as `ls -l` writes it. */
export function modeString(type: FileType, mode: number): string {
  const letter = type === 'directory' ? 'd' : type === 'symlink' ? 'l' : type === 'other' ? '?' : '-';
  const bits = ['r', 'w', 'x'];
  let out = letter;
  for (let i = 8; i >= 0; i--) out += mode & (1 << i) ? bits[(8 - i) % 3] : '-';
  return out;
}

/** Folders first, then by name (the engine's tar is by name already; folders first is what people expect). */
export const compareEntries = (a: FileEntry, b: FileEntry) =>
  Number(b.type === 'directory') - Number(a.type === 'directory') || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
