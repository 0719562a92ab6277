/**
 * A minimal ustar writer for build contexts made in-process (a Dockerfile and a
 * binary or two). Regular files only; enough for the engine's /build endpoint.
 */
export interface TarEntry {
  name: string;
  content: Buffer | string;
  /** Unix permission bits; 0o644 unless given. */
  mode?: number;
}

const BLOCK = 512;

function writeField(header: Buffer, offset: number, length: number, value: string): void {
  header.write(value.slice(0, length), offset, length, 'utf8');
}

/** Numeric fields are zero-padded octal followed by a NUL. */
function writeOctal(header: Buffer, offset: number, length: number, value: number): void {
  writeField(header, offset, length, `${value.toString(8).padStart(length - 1, '0')}\0`);
}

function headerFor(name: string, size: number, mode: number, mtime: number): Buffer {
  if (Buffer.byteLength(name) > 100) throw new Error(`tar entry name too long: ${name}`);
  const header = Buffer.alloc(BLOCK);
  writeField(header, 0, 100, name);
  writeOctal(header, 100, 8, mode);
  writeOctal(header, 108, 8, 0);
  writeOctal(header, 116, 8, 0);
  writeOctal(header, 124, 12, size);
  writeOctal(header, 136, 12, mtime);
  header.fill(' ', 148, 156); // checksum counts itself as spaces
  writeField(header, 156, 1, '0');
  writeField(header, 257, 6, 'ustar\0');
  writeField(header, 263, 2, '00');
  let sum = 0;
  for (const byte of header) sum += byte;
  writeField(header, 148, 8, `${sum.toString(8).padStart(6, '0')}\0 `);
  return header;
}

export function createTar(entries: readonly TarEntry[]): Buffer {
  const mtime = Math.floor(Date.now() / 1000);
  const parts: Buffer[] = [];
  for (const entry of entries) {
    const data = typeof entry.content === 'string' ? Buffer.from(entry.content) : entry.content;
    parts.push(headerFor(entry.name, data.length, entry.mode ?? 0o644, mtime), data);
    const pad = (BLOCK - (data.length % BLOCK)) % BLOCK;
    if (pad) parts.push(Buffer.alloc(pad));
  }
  parts.push(Buffer.alloc(BLOCK * 2)); // end of archive
  return Buffer.concat(parts);
}
