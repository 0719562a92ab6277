import { mkdtemp, mkdir, rm, symlink, writeFile, chmod } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extract } from 'tar-stream';
import { createContextMatcher, dockerignorePatterns, readContextMatcher } from './build-ignore';
import { packContext } from './build-tar';

interface ReadEntry {
  name: string;
  type: string;
  mode: number;
  uid: number;
  content: string;
  linkname: string | null;
}

async function readTar(stream: NodeJS.ReadableStream): Promise<ReadEntry[]> {
  const out: ReadEntry[] = [];
  const ex = extract();
  const done = new Promise<void>((resolve, reject) => {
    ex.on('entry', (header, body, next) => {
      const parts: Buffer[] = [];
      body.on('data', (c) => parts.push(c as Buffer));
      body.on('end', () => {
        out.push({
          name: header.name,
          type: header.type,
          mode: header.mode,
          uid: header.uid,
          content: Buffer.concat(parts).toString('utf8'),
          linkname: header.linkname ?? null,
        });
        next();
      });
    });
    ex.on('finish', resolve);
    ex.on('error', reject);
  });
  stream.pipe(ex as unknown as NodeJS.WritableStream);
  await done;
  return out;
}

describe('packContext', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'berth-pack-'));
    await writeFile(join(dir, 'Dockerfile'), 'FROM scratch\n');
    await writeFile(join(dir, '.dockerignore'), '*.log\nnode_modules\nbuild\n!build/keep.txt\n');
    await writeFile(join(dir, 'app.js'), 'console.log(1)');
    await writeFile(join(dir, 'debug.log'), 'noise');
    await mkdir(join(dir, 'node_modules/dep'), { recursive: true });
    await writeFile(join(dir, 'node_modules/dep/index.js'), 'x');
    await mkdir(join(dir, 'build'));
    await writeFile(join(dir, 'build/keep.txt'), 'kept');
    await writeFile(join(dir, 'build/drop.txt'), 'dropped');
    await mkdir(join(dir, 'src/deep'), { recursive: true });
    await writeFile(join(dir, 'src/deep/run.sh'), '#!/bin/sh\necho hi\n');
    await chmod(join(dir, 'src/deep/run.sh'), 0o755);
    await symlink('app.js', join(dir, 'link.js'));
    // Bigger than one tar block and than a typical stream chunk, to check streaming.
    await writeFile(join(dir, 'big.bin'), Buffer.alloc(300_000, 7));
  });
  afterAll(async () => rm(dir, { recursive: true, force: true }));

  it('packs what .dockerignore keeps, with modes, symlinks and 0:0 owners', async () => {
    const packed = packContext(dir, await readContextMatcher(dir, 'Dockerfile'));
    const [entries, summary] = await Promise.all([readTar(packed.stream), packed.done]);
    const names = entries.map((e) => e.name);
    expect(names).toEqual(['.dockerignore', 'Dockerfile', 'app.js', 'big.bin', 'build/keep.txt', 'link.js', 'src', 'src/deep', 'src/deep/run.sh']);
    expect(names).not.toContain('debug.log');
    expect(names.some((n) => n.startsWith('node_modules'))).toBe(false);
    const byName = new Map(entries.map((e) => [e.name, e]));
    expect(byName.get('src/deep/run.sh')!.mode & 0o777).toBe(0o755);
    expect(byName.get('src/deep/run.sh')!.content).toContain('echo hi');
    expect(byName.get('src')!.type).toBe('directory');
    expect(byName.get('link.js')).toMatchObject({ type: 'symlink', linkname: 'app.js' });
    expect(byName.get('big.bin')!.content.length).toBe(300_000);
    expect(entries.every((e) => e.uid === 0)).toBe(true);
    expect(summary.files).toBe(6); // regular files; the symlink and folders are entries too
    expect(summary.bytes).toBeGreaterThan(300_000);
  });

  it('keeps the Dockerfile even when a pattern excludes everything', async () => {
    const m = createContextMatcher(dockerignorePatterns('*'), 'Dockerfile');
    const packed = packContext(dir, m);
    const names = (await readTar(packed.stream)).map((e) => e.name);
    expect(names).toEqual(['.dockerignore', 'Dockerfile']);
  });
});
