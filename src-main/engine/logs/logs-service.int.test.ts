import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiErrorShape } from '../../../src-common/contract/errors';
import type { LogChunk, LogLinesChunk, LogSource, LogTail } from '../../../src-common/models/logs';
import { decodeLogLines } from '../../../src-common/logs-codec';
import {
  closeFixtureClient,
  createTestContainer,
  ensureBusyboxImage,
  fixtureClient,
  removeTestObjects,
  TEST_IMAGE,
  TEST_LABELS,
  uniqueName,
  waitFor,
} from '../../test-support/engine-fixtures';
import type { CreateContainerSpec } from '../connection/engine-types';
import { createEngine, type Engine } from '../index';
import { createLogsService, logsTakeUntil, type LogsService } from './logs-service';

const run = promisify(execFile);
const IDLE = 'trap "exit 0" TERM; while :; do sleep 1 & wait $!; done';

let engine: Engine;
let logs: LogsService;

beforeAll(async () => {
  await ensureBusyboxImage();
  engine = createEngine();
  engine.start();
  await waitFor(() => engine.connection.current().state === 'connected', { timeoutMs: 20_000, description: 'engine' });
  logs = createLogsService({ requireClient: engine.requireClient, events: engine.events });
});

afterAll(async () => {
  await engine.dispose();
  await removeTestObjects();
  closeFixtureClient();
});

const decode = (bytes: Uint8Array): LogLinesChunk => decodeLogLines(bytes, new TextDecoder())!;

interface Line {
  ts: string;
  text: string;
  stderr: boolean;
}

/** Opens a follow and records what it sends, line by line. */
function record(id: string, tail: LogTail = 'all', keep?: number, service: LogsService = logs) {
  const lines: Line[] = [];
  const sources: LogSource[][] = [];
  let skipped = 0;
  let end: { error: ApiErrorShape | null } | null = null;
  const follow = service.follow({ kind: 'container', id }, tail, {
    next(encoded: LogChunk) {
      if (!(encoded instanceof Uint8Array)) {
        if (encoded.kind === 'sources') sources.push(encoded.sources);
        else skipped += encoded.count;
        return;
      }
      const chunk = decode(encoded);
      const texts = chunk.text.split('\n');
      expect(texts).toHaveLength(chunk.count);
      const err = new Set<number>();
      for (let i = 0; i < chunk.stderr.length; i += 2) {
        for (let j = 0; j < chunk.stderr[i + 1]!; j++) err.add(chunk.stderr[i]! + j);
      }
      texts.forEach((line, i) => {
        const space = line.indexOf(' ');
        lines.push({ ts: line.slice(0, space), text: line.slice(space + 1), stderr: err.has(i) });
      });
    },
    end(error) {
      end = { error };
    },
  }, keep === undefined ? {} : { keep });
  return {
    lines,
    skipped: () => skipped,
    texts: () => lines.map((l) => l.text),
    state: () => sources.at(-1)?.[0]?.state,
    source: () => sources.at(-1)?.[0],
    ended: () => end,
    follow,
  };
}

const waitForText = (r: ReturnType<typeof record>, text: string) =>
  waitFor(() => r.texts().includes(text), { timeoutMs: 20_000, description: `line "${text}"` });

async function ttyContainer(cmd: string): Promise<string> {
  const spec = {
    name: uniqueName('tty'),
    Image: TEST_IMAGE,
    Cmd: ['sh', '-c', cmd],
    Labels: { ...TEST_LABELS },
    Tty: true,
  } as CreateContainerSpec;
  const { id } = await fixtureClient().createContainer(spec);
  await fixtureClient().startContainer({ id });
  return id;
}

async function download(id: string, timestamps = false): Promise<Buffer> {
  const source = await logs.download(id, { timestamps });
  const stream = await source.open(new AbortController().signal);
  const parts: Buffer[] = [];
  for await (const part of stream as AsyncIterable<Buffer>) parts.push(Buffer.from(part));
  return Buffer.concat(parts);
}

describe('logs service against the real engine', () => {
  it("streams a container's output with timestamps, stderr marked", async () => {
    const c = await createTestContainer({ cmd: ['sh', '-c', `echo one; sleep 0.2; echo two >&2; sleep 0.2; echo three; ${IDLE}`] });
    const r = record(c.id);
    try {
      await waitForText(r, 'three');
      expect(r.texts()).toEqual(['one', 'two', 'three']);
      expect(r.lines.map((l) => l.stderr)).toEqual([false, true, false]);
      for (const line of r.lines) expect(line.ts).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/);
      expect(r.source()).toMatchObject({ id: c.id, name: c.name, tty: false, state: 'running' });
    } finally {
      r.follow.cancel();
    }
  });

  it('sends only the newest `keep` lines of a longer history, counts the rest, then follows without a gap', async () => {
    const c = await createTestContainer({
      cmd: ['sh', '-c', `seq 1 20000; while [ ! -e /go ]; do sleep 0.1; done; echo after-history; ${IDLE}`],
    });
    await waitFor(async () => (await run('docker', ['logs', '--tail', '1', c.id])).stdout.includes('20000'), {
      timeoutMs: 20_000,
    });
    const r = record(c.id, 'all', 1_000);
    try {
      await waitForText(r, '20000');
      // Exactly the newest 1,000, in order; the 19,000 before them only counted.
      expect(r.texts()).toEqual(Array.from({ length: 1_000 }, (_, i) => String(19_001 + i)));
      await waitFor(() => r.skipped() === 19_000, { timeoutMs: 20_000, description: 'the older lines counted' });
      await run('docker', ['exec', c.id, 'touch', '/go']);
      await waitForText(r, 'after-history');
      expect(r.texts().slice(1_000)).toEqual(['after-history']);
      expect(r.skipped()).toBe(19_000);
    } finally {
      r.follow.cancel();
    }
  });

  it('counts only the older lines a numeric tail covers, and a TTY log too', async () => {
    const id = await ttyContainer(`seq 1 5000; ${IDLE}`);
    await waitFor(async () => (await run('docker', ['logs', '--tail', '1', id])).stdout.includes('5000'), {
      timeoutMs: 20_000,
    });
    const r = record(id, 3_000, 500);
    try {
      await waitForText(r, '5000');
      expect(r.texts()).toEqual(Array.from({ length: 500 }, (_, i) => String(4_501 + i)));
      await waitFor(() => r.skipped() === 2_500, { timeoutMs: 20_000, description: 'the older lines of the tail counted' });
    } finally {
      r.follow.cancel();
    }
  });

  it('sends the whole tail to an engine without `until` (API before 1.35), for the view to drop', async () => {
    const old = createLogsService({ requireClient: engine.requireClient, events: engine.events, apiVersion: () => '1.30' });
    expect(logsTakeUntil('1.30')).toBe(false);
    expect(logsTakeUntil('1.41')).toBe(true);
    expect(logsTakeUntil(undefined)).toBe(true);
    const c = await createTestContainer({ cmd: ['sh', '-c', `seq 1 300; ${IDLE}`] });
    const r = record(c.id, 'all', 100, old);
    try {
      await waitForText(r, '300');
      expect(r.texts()).toHaveLength(300);
      expect(r.skipped()).toBe(0);
    } finally {
      r.follow.cancel();
    }
  });

  it('loads only the last N lines, then follows new ones', async () => {
    const c = await createTestContainer({
      cmd: ['sh', '-c', `for i in 1 2 3 4 5; do echo old-$i; done; while [ ! -e /go ]; do sleep 0.1; done; echo new-line; ${IDLE}`],
    });
    // Wait until the engine has the old lines, so the tail sees them.
    await waitFor(async () => (await run('docker', ['logs', c.id])).stdout.includes('old-5'), { timeoutMs: 20_000 });
    const r = record(c.id, 2);
    try {
      await waitForText(r, 'old-5');
      await run('docker', ['exec', c.id, 'touch', '/go']);
      await waitForText(r, 'new-line');
      expect(r.texts()).toEqual(['old-4', 'old-5', 'new-line']);
    } finally {
      r.follow.cancel();
    }
  });

  it("passes a TTY container's bytes through raw, escapes included", async () => {
    const id = await ttyContainer(`printf 'plain\\n\\033[31mred\\033[0m\\n'; ${IDLE}`);
    const r = record(id);
    try {
      await waitForText(r, '\u001b[31mred\u001b[0m');
      expect(r.texts()).toEqual(['plain', '\u001b[31mred\u001b[0m']);
      expect(r.source()?.tty).toBe(true);
      expect(r.lines.every((l) => !l.stderr)).toBe(true);
    } finally {
      r.follow.cancel();
    }
  });

  it('continues after a stop and a start without repeating or losing a line', async () => {
    // Each run prints its number once: the container's file system survives restarts.
    const script = `n=$(cat /n 2>/dev/null || echo 0); n=$((n+1)); echo $n > /n; echo run-$n; ${IDLE}`;
    const c = await createTestContainer({ cmd: ['sh', '-c', script] });
    const r = record(c.id);
    try {
      await waitForText(r, 'run-1');
      await fixtureClient().stopContainer({ id: c.id }, 5);
      await waitFor(() => r.state() === 'stopped', { timeoutMs: 20_000, description: 'stopped state' });
      await fixtureClient().startContainer({ id: c.id });
      await waitForText(r, 'run-2');
      expect(r.state()).toBe('running');
      await fixtureClient().restartContainer({ id: c.id });
      await waitForText(r, 'run-3');
      expect(r.texts()).toEqual(['run-1', 'run-2', 'run-3']);
      expect(r.ended()).toBeNull();
    } finally {
      r.follow.cancel();
    }
  });

  it('ends with "removed" when the container is removed', async () => {
    const c = await createTestContainer({ cmd: ['sh', '-c', `echo hello; ${IDLE}`] });
    const r = record(c.id);
    await waitForText(r, 'hello');
    await fixtureClient().removeContainer({ id: c.id }, { force: true, removeAnonymousVolumes: true });
    const end = await waitFor(() => r.ended(), { timeoutMs: 20_000, description: 'end' });
    expect(end.error).toBeNull();
    expect(r.state()).toBe('removed');
  });

  it('ends with an error naming the container when it does not exist', async () => {
    const r = record('berth-test-no-such-container');
    const end = await waitFor(() => r.ended(), { timeoutMs: 20_000, description: 'end' });
    expect(end.error?.code).toBe('not-found');
  });

  it('downloads exactly the bytes `docker logs` prints', async () => {
    // UTF-8, a long line (more than one 16 KiB log entry), an unterminated last line.
    const cmd = `echo 'héllo wörld ✓'; yes 0123456789abcdef | head -c 40000 | tr -d '\\n'; echo; printf 'no newline'`;
    const c = await createTestContainer({ cmd: ['sh', '-c', cmd] });
    await fixtureClient().request({ method: 'POST', path: `/containers/${c.id}/wait`, action: 'wait for' });
    const mine = await download(c.id);
    const cli = await run('docker', ['logs', c.id], { encoding: 'buffer', maxBuffer: 1 << 26 });
    expect(cli.stderr.length).toBe(0);
    expect(mine.length).toBeGreaterThan(30_000);
    expect(mine.equals(cli.stdout)).toBe(true);
    const withTs = await download(c.id, true);
    const cliTs = await run('docker', ['logs', '-t', c.id], { encoding: 'buffer', maxBuffer: 1 << 26 });
    expect(withTs.equals(cliTs.stdout)).toBe(true);
  });

  it('downloads stdout and stderr in the order they were written', async () => {
    const cmd = 'echo out-1; sleep 0.2; echo err-1 >&2; sleep 0.2; echo out-2; sleep 0.2; echo err-2 >&2';
    const c = await createTestContainer({ cmd: ['sh', '-c', cmd] });
    await fixtureClient().request({ method: 'POST', path: `/containers/${c.id}/wait`, action: 'wait for' });
    expect((await download(c.id)).toString()).toBe('out-1\nerr-1\nout-2\nerr-2\n');
  });

  it("downloads a TTY container's raw bytes", async () => {
    const id = await ttyContainer(`printf 'a\\033[1mb\\n'`);
    await fixtureClient().request({ method: 'POST', path: `/containers/${id}/wait`, action: 'wait for' });
    const cli = await run('docker', ['logs', id], { encoding: 'buffer' });
    const mine = await download(id);
    expect(mine.toString()).toBe('a\u001b[1mb\r\n');
    expect(mine.equals(cli.stdout)).toBe(true);
  });

  it("follows every container of a compose project, and ones that join later", async () => {
    const project = uniqueName('proj');
    const labels = { 'com.docker.compose.project': project };
    const a = await createTestContainer({ labels, cmd: ['sh', '-c', `echo from-a; ${IDLE}`] });
    const b = await createTestContainer({ labels, cmd: ['sh', '-c', `echo from-b >&2; ${IDLE}`] });
    const seen: { container: string; text: string; stderr: boolean }[] = [];
    let sources: LogSource[] = [];
    const follow = logs.follow({ kind: 'project', project }, 100, {
      next(encoded) {
        if (!(encoded instanceof Uint8Array)) {
          if (encoded.kind === 'sources') sources = encoded.sources;
          return;
        }
        const chunk = decode(encoded);
        chunk.text.split('\n').forEach((line, i) =>
          seen.push({ container: chunk.container, text: line.slice(line.indexOf(' ') + 1), stderr: chunk.stderr.length > 0 && i >= chunk.stderr[0]! }),
        );
      },
      end() {},
    });
    try {
      await waitFor(() => seen.length >= 2, { timeoutMs: 20_000, description: 'lines of both' });
      expect(seen).toContainEqual({ container: a.id, text: 'from-a', stderr: false });
      expect(seen).toContainEqual({ container: b.id, text: 'from-b', stderr: true });
      expect(sources.map((s) => s.name).sort()).toEqual([a.name, b.name].sort());

      const c = await createTestContainer({ labels, cmd: ['sh', '-c', `echo from-c; ${IDLE}`] });
      await waitFor(() => seen.some((l) => l.container === c.id && l.text === 'from-c'), { timeoutMs: 20_000, description: 'late joiner' });
      await waitFor(() => sources.length === 3, { timeoutMs: 20_000, description: 'three sources' });

      await fixtureClient().removeContainer({ id: a.id }, { force: true, removeAnonymousVolumes: true });
      await waitFor(() => sources.find((s) => s.id === a.id)?.state === 'removed', { timeoutMs: 20_000, description: 'a removed' });
    } finally {
      follow.cancel();
    }
  });
});
