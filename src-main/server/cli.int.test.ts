// Runs the real bundle of cli.ts (built the way scripts/build.mjs builds it) against
// the real engine, and reads everything it writes.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { httpRequest, waitFor } from './testing/harness';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
// Inside the repo so the bundle's external packages resolve from node_modules.
const outDir = path.join(root, '.berth-test', 'cli');
const bundle = path.join(outDir, 'main', 'server.mjs');
const TOKEN = 'cli-test-token-abcdefghijklmnopqrstuvwxyz';
const canBuild = ['src-main/engine/index.ts', 'src-main/api/handlers.ts'].every((f) => existsSync(path.join(root, f)));

describe.skipIf(!canBuild)('the built server cli', () => {
  let child: ChildProcess;
  let output = '';
  let stdout = '';
  let port = 0;
  let exit: { code: number | null; signal: NodeJS.Signals | null } | undefined;

  beforeAll(async () => {
    await build({
      entryPoints: [path.join(root, 'src-main/server/cli.ts')],
      outfile: bundle,
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'esm',
      packages: 'external',
      logLevel: 'warning',
      absWorkingDir: root,
    });
    await mkdir(path.join(outDir, 'renderer'), { recursive: true });
    await writeFile(path.join(outDir, 'renderer', 'index.html'), '<!doctype html><title>cli test</title>');
    child = spawn(process.execPath, [bundle, '--port', '0'], { env: { ...process.env, BERTH_TOKEN: TOKEN } });
    child.stdout?.on('data', (d: Buffer) => {
      stdout += d.toString();
      output += d.toString();
    });
    child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
    child.on('exit', (code, signal) => (exit = { code, signal }));
    await waitFor(() => /Berth is running at /.test(stdout) || exit !== undefined, 'the URL line', 20_000);
    port = Number(/:(\d+)\/#token=/.exec(stdout)?.[1]);
  });

  afterAll(async () => {
    if (exit === undefined) child.kill('SIGKILL');
    await rm(outDir, { recursive: true, force: true });
  });

  it('prints exactly one line with the URL and token', () => {
    const lines = stdout.trim().split('\n');
    expect(lines).toEqual([`Berth is running at http://127.0.0.1:${port}/#token=${TOKEN}`]);
  });

  it('serves the page and answers a call through the real engine', async () => {
    const host = `127.0.0.1:${port}`;
    expect((await httpRequest(port, '/', { Host: host })).status).toBe(200);
    const welcome = await httpRequest(port, '/welcome', { Host: host });
    // Run without npm here: the page names the bundle it ran and its real port.
    expect(welcome.body).toContain(`--port 0</code>`);
    expect(welcome.body).toContain(`http://127.0.0.1:${port}`);
    const ws = new WebSocket(`ws://${host}/api/ws`, { origin: `http://${host}` });
    const reply = await new Promise<unknown>((resolve, reject) => {
      ws.on('open', () => {
        ws.send(JSON.stringify({ t: 'auth', token: TOKEN }));
        ws.send(JSON.stringify({ t: 'call', id: 1, method: 'engine.getStatus', args: {} }));
      });
      ws.on('message', (d: Buffer) => {
        const message = JSON.parse(d.toString()) as { t: string };
        if (message.t !== 'ready') resolve(message);
      });
      ws.on('error', reject);
    });
    expect(reply).toMatchObject({ t: 'result', id: 1, ok: true, value: { state: expect.any(String) } });
    // Something that makes the server log: an unreadable message.
    ws.send('{oops');
    await new Promise((r) => ws.on('close', r));
    await waitFor(() => output.includes('not JSON with an id'), 'the log line about the bad message');
  });

  it('refuses a non-loopback host with a clear line and exit code 2', async () => {
    const result = await new Promise<{ code: number | null; err: string }>((resolve) => {
      const p = spawn(process.execPath, [bundle, '--host', '0.0.0.0']);
      let err = '';
      p.stderr.on('data', (d: Buffer) => (err += d.toString()));
      p.on('exit', (code) => resolve({ code, err }));
    });
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/^Refusing --host 0\.0\.0\.0/);
  });

  it('stops cleanly on SIGTERM', async () => {
    child.kill('SIGTERM');
    await waitFor(() => exit !== undefined, 'the process to exit', 10_000);
    expect(exit).toEqual({ code: 0, signal: null });
  });

  it('wrote the token only in the URL line', () => {
    expect(output.split(TOKEN)).toHaveLength(2);
    const withToken = output.split('\n').filter((l) => l.includes(TOKEN));
    expect(withToken).toEqual([`Berth is running at http://127.0.0.1:${port}/#token=${TOKEN}`]);
  });
});
