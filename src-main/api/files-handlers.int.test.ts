import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extract, pack } from 'tar-stream';
import type { FileEntry, FileTarget, FolderChunk } from '../../src-common/models/files';
import {
  closeFixtureClient,
  createTestContainer,
  ensureBusyboxImage,
  removeTestObjects,
  TEST_LABELS,
  uniqueName,
  waitFor,
} from '../test-support/engine-fixtures';
import { readAll, startStorageHarness, type StorageHarness } from '../test-support/storage-harness';
import { createFilesService } from '../engine/files/files-service';

let h: StorageHarness;
let running: FileTarget;
let stopped: FileTarget;
let stoppedName: string;

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

beforeAll(async () => {
  await ensureBusyboxImage();
  h = await startStorageHarness();
  const a = await createTestContainer({ name: uniqueName('files') });
  stoppedName = uniqueName('files-stopped');
  const b = await createTestContainer({ name: stoppedName, start: false });
  running = { kind: 'container', id: a.id };
  stopped = { kind: 'container', id: b.id };
  // The busybox image is FROM scratch: it has no /tmp until something is put there.
  await upload(running, '/', { 'tmp/.keep': Buffer.alloc(0) });
});

afterAll(async () => {
  await h.dispose();
  await removeTestObjects();
  closeFixtureClient();
});

async function upload(target: FileTarget, folder: string, files: Record<string, Buffer>, mode: 'files' | 'extract' = 'files') {
  const entries = Object.entries(files);
  const offer = await h.call('files.uploadOffer', { target, folder, mode, files: entries.map(([path, b]) => ({ path, size: b.length })) });
  await h.sendUpload(offer.url, entries.map(([, b]) => b));
}

async function list(target: FileTarget, path: string): Promise<{ chunks: FolderChunk[]; entries: FileEntry[] }> {
  const s = h.open('files.list', { target, path });
  await waitFor(() => s.ends.length > 0, { timeoutMs: 30_000, description: `listing of ${path}` });
  if (s.ends[0]!.reason !== 'complete') throw new Error(JSON.stringify(s.ends[0]));
  return { chunks: s.chunks, entries: s.chunks.flatMap((c) => (c.kind === 'entries' ? c.entries : [])) };
}

async function download(target: FileTarget, path: string): Promise<{ filename: string; bytes: Buffer }> {
  const offer = await h.call('files.download', { target, path });
  expect(offer.kind).toBe('url');
  const source = h.downloads.at(-1)!;
  return { filename: source.filename, bytes: await readAll(await source.open(new AbortController().signal)) };
}

async function tarOf(entries: { name: string; body?: Buffer; type?: 'file' | 'symlink' | 'directory'; linkname?: string }[]): Promise<Buffer> {
  const p = pack();
  for (const e of entries) {
    if (e.type === 'symlink') p.entry({ name: e.name, type: 'symlink', linkname: e.linkname ?? '' });
    else if (e.type === 'directory') p.entry({ name: e.name, type: 'directory' });
    else p.entry({ name: e.name }, e.body ?? Buffer.from('x'));
  }
  p.finalize();
  return readAll(p as unknown as NodeJS.ReadableStream);
}

async function untar(bytes: Buffer): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>();
  const x = extract();
  x.on('entry', (header, stream, next) => {
    const parts: Buffer[] = [];
    stream.on('data', (c: unknown) => void parts.push(c as Buffer));
    stream.on('end', () => {
      // Docker names a folder's contents "./a", Podman "a": the same file either way.
      out.set(header.name.replace(/^\.\//, ''), Buffer.concat(parts));
      next();
    });
  });
  const done = new Promise<void>((resolve, reject) => {
    x.on('finish', () => resolve());
    x.on('error', (err: Error) => reject(err));
  });
  x.end(bytes);
  await done;
  return out;
}

describe('container files', () => {
  const text = Buffer.from('hello from berth\nsecond line\n');
  const binary = randomBytes(3 * 1024 * 1024 + 17);
  const deep = Buffer.from('deep');

  it('uploads files into a folder, lists them, and gives them back byte for byte (running container)', async () => {
    await upload(running, '/tmp', { 'a.txt': text, 'blob.bin': binary, 'sub/deep/c.txt': deep });
    const { chunks, entries } = await list(running, '/tmp');
    expect(chunks[0]).toMatchObject({ kind: 'stat', stat: { path: '/tmp', name: 'tmp', type: 'directory' } });
    expect(chunks.at(-1)).toEqual({ kind: 'done', complete: true, entryLimit: 100_000, total: 4, matched: 4 });
    const byName = new Map(entries.map((e) => [e.name, e]));
    expect(byName.get('a.txt')).toMatchObject({ type: 'file', size: text.length, mode: 0o644 });
    expect(byName.get('blob.bin')).toMatchObject({ type: 'file', size: binary.length });
    expect(byName.get('sub')).toMatchObject({ type: 'directory', totalSize: deep.length });

    const got = await download(running, '/tmp/blob.bin');
    expect(got.filename).toBe('blob.bin');
    expect(got.bytes.length).toBe(binary.length);
    expect(sha(got.bytes)).toBe(sha(binary));
    expect((await download(running, '/tmp/sub/deep/c.txt')).bytes).toEqual(deep);
  });

  it('works on a container that never started', async () => {
    await upload(stopped, '/', { 'hello.txt': text });
    const { entries } = await list(stopped, '/');
    expect(entries.map((e) => e.name)).toEqual(expect.arrayContaining(['bin', 'hello.txt']));
    expect(entries.find((e) => e.name === 'bin')).toMatchObject({ type: 'directory' });
    expect((await download(stopped, '/hello.txt')).bytes).toEqual(text);
    const root = await download(stopped, '/');
    expect(root.filename).toBe(`${stoppedName}.tar`);
  });

  it('shows text, says when a file is binary, and cuts a long file where asked', async () => {
    expect(await h.call('files.readText', { target: running, path: '/tmp/a.txt' })).toEqual({
      path: '/tmp/a.txt',
      size: text.length,
      text: text.toString(),
      truncated: false,
      shownBytes: text.length,
    });
    expect(await h.call('files.readText', { target: running, path: '/tmp/blob.bin' })).toMatchObject({ text: null, size: binary.length });
    expect(await h.call('files.readText', { target: running, path: '/tmp/a.txt', maxBytes: 5 })).toMatchObject({
      text: 'hello',
      truncated: true,
      shownBytes: 5,
    });
    await expect(h.call('files.readText', { target: running, path: '/tmp/sub' })).rejects.toMatchObject({ code: 'invalid-request' });
    await expect(h.call('files.readText', { target: running, path: '/nope' })).rejects.toMatchObject({
      code: 'not-found',
      message: expect.stringContaining('/nope does not exist in container'),
    });
  });

  it('downloads a folder as the tar of its files', async () => {
    const got = await download(running, '/tmp/sub');
    expect(got.filename).toBe('sub.tar');
    const files = await untar(got.bytes);
    expect(files.get('sub/deep/c.txt')).toEqual(deep);
  });

  it('sends entries up to the limit, counts the rest, and says so', async () => {
    const many = Object.fromEntries(Array.from({ length: 25 }, (_, i) => [`many/f${String(i).padStart(2, '0')}`, Buffer.from(String(i))]));
    await upload(running, '/tmp', many);
    const service = createFilesService({ requireClient: () => h.engine.requireClient() });
    const seen: FileEntry[] = [];
    const done = await new Promise<{ complete: boolean; total: number }>((resolve, reject) => {
      service.list(
        { containerId: (running as { id: string }).id, object: 'container x', root: '', rootName: 'x' },
        '/tmp/many',
        { stat: () => {}, entries: (b) => (seen.push(...b), true), progress: () => {}, done: (result) => resolve(result), fail: reject, onDrain: () => {} },
        { limit: 10 },
      );
    });
    expect(done).toMatchObject({ complete: false, total: 25 });
    expect(seen.map((e) => e.name)).toEqual(Array.from({ length: 10 }, (_, i) => `f${String(i).padStart(2, '0')}`));
  });
});

describe('volume files', () => {
  it('browses, uploads and downloads a volume through its helper, byte for byte', async () => {
    const volume = uniqueName('vfiles');
    await h.call('volumes.create', { name: volume, driver: 'local', labels: Object.entries(TEST_LABELS).map(([k, v]) => `${k}=${v}`).join('\n'), options: '' });
    const browse = h.open('volumes.browse', { name: volume });
    await waitFor(() => browse.chunks.length > 0, { timeoutMs: 15_000, description: 'browse ready' });
    const target: FileTarget = { kind: 'volume', session: browse.chunks[0]!.session };
    const data = randomBytes(200_000);
    await upload(target, '/', { 'data.bin': data, 'conf/app.yml': Buffer.from('a: 1\n') });

    const { chunks, entries } = await list(target, '/');
    expect(chunks[0]).toMatchObject({ kind: 'stat', stat: { path: '/', name: volume, type: 'directory' } });
    expect(entries.map((e) => e.name).sort()).toEqual(['conf', 'data.bin']);
    expect(sha((await download(target, '/data.bin')).bytes)).toBe(sha(data));

    const whole = await download(target, '/');
    expect(whole.filename).toBe(`${volume}.tar`);
    const files = await untar(whole.bytes);
    expect(sha(files.get('data.bin')!)).toBe(sha(data));
    expect(files.get('conf/app.yml')!.toString()).toBe('a: 1\n');

    const sizes = await h.call('volumes.measureSizes', {});
    expect(sizes.sizes[volume]).toBeGreaterThanOrEqual(data.length);

    browse.handle.cancel();
    await expect(h.call('files.stat', { target, path: '/' })).rejects.toMatchObject({ code: 'not-found', message: expect.stringContaining('closed') });
  });
});

describe('bad input', () => {
  it('refuses paths that are not absolute and normalized before anything reaches the engine', async () => {
    for (const path of ['/../etc', 'etc', '/tmp/', '/a//b', '/a/./b', '/a\0b']) {
      await expect(h.call('files.stat', { target: running, path }), path).rejects.toMatchObject({ code: 'invalid-request' });
    }
    for (const path of ['../x', '/abs', 'a/../../x', '']) {
      await expect(
        h.call('files.uploadOffer', { target: running, folder: '/tmp', mode: 'files', files: [{ path, size: 1 }] }),
        path,
      ).rejects.toMatchObject({ code: 'invalid-request' });
    }
  });

  it('extracts a clean tar, and refuses one with an entry outside the folder without writing anything', async () => {
    await upload(running, '/tmp', { 'x/keep': Buffer.from('k') });
    await upload(running, '/tmp/x', { 'clean.tar': await tarOf([{ name: 'inner/ok.txt', body: Buffer.from('ok') }]) }, 'extract');
    expect((await download(running, '/tmp/x/inner/ok.txt')).bytes.toString()).toBe('ok');

    const cases = [
      { entries: [{ name: 'first.txt' }, { name: '../evil.txt' }], why: 'climbs out of the folder' },
      { entries: [{ name: 'first.txt' }, { name: '/abs.txt' }], why: 'is an absolute path' },
      { entries: [{ name: 'first.txt' }, { name: 'link', type: 'symlink' as const, linkname: '../../etc' }], why: 'links outside the folder' },
      { entries: [{ name: 'first.txt' }, { name: 'link', type: 'symlink' as const, linkname: '/etc/passwd' }], why: 'links outside the folder' },
    ];
    for (const c of cases) {
      await expect(upload(running, '/tmp/x', { 'bad.tar': await tarOf(c.entries) }, 'extract')).rejects.toMatchObject({
        code: 'invalid-request',
        message: expect.stringContaining(c.why),
      });
    }
    const inX = (await list(running, '/tmp/x')).entries.map((e) => e.name).sort();
    expect(inX).toEqual(['inner', 'keep']); // not even first.txt
    const inTmp = (await list(running, '/tmp')).entries.map((e) => e.name);
    expect(inTmp).not.toContain('evil.txt');
    expect((await list(running, '/')).entries.map((e) => e.name)).not.toContain('abs.txt');
  });
});
