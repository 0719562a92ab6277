// scripts/serve.mjs in a scratch copy of the repo layout, with a build.mjs that bundles
// only the server, so the test does not depend on (or overwrite) the real dist/.
import { spawn } from 'node:child_process';
import { copyFile, mkdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const scratch = path.join(root, '.berth-test', 'serve-script');
const buildCount = path.join(scratch, 'build-count');
const TOKEN = 'serve-script-token-abcdefghijklmnop';

const stubBuild = `
import { build } from 'esbuild';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
const scratch = ${JSON.stringify(scratch)};
export async function buildAll() {
  await build({ entryPoints: [${JSON.stringify(path.join(root, 'src-main/server/cli.ts'))}], outfile: scratch + '/dist/main/server.mjs',
    bundle: true, platform: 'node', format: 'esm', packages: 'external', logLevel: 'warning', absWorkingDir: ${JSON.stringify(root)} });
  await mkdir(scratch + '/dist/renderer', { recursive: true });
  await writeFile(scratch + '/dist/renderer/index.html', '<!doctype html>');
  const count = Number(await readFile(${JSON.stringify(buildCount)}, 'utf8').catch(() => '0'));
  await writeFile(${JSON.stringify(buildCount)}, String(count + 1));
}
`;

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs serve.mjs; once the URL line is out, sends `signal` (when given) to serve.mjs itself. */
function runServe(args: string[], signal?: NodeJS.Signals): Promise<Run> {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, [path.join(scratch, 'scripts', 'serve.mjs'), ...args], {
      env: { ...process.env, BERTH_TOKEN: TOKEN },
    });
    const run: Run = { code: null, signal: null, stdout: '', stderr: '' };
    p.stdout.on('data', (d: Buffer) => {
      run.stdout += d.toString();
      if (signal && run.stdout.includes('Berth is running at')) p.kill(signal);
    });
    p.stderr.on('data', (d: Buffer) => (run.stderr += d.toString()));
    p.on('exit', (code, signal) => {
      run.code = code;
      run.signal = signal;
      resolve(run);
    });
  });
}

const builds = async (): Promise<number> => Number(await readFile(buildCount, 'utf8').catch(() => '0'));

describe('scripts/serve.mjs', () => {
  beforeAll(async () => {
    await rm(scratch, { recursive: true, force: true });
    await mkdir(path.join(scratch, 'scripts'), { recursive: true });
    await mkdir(path.join(scratch, 'src-main'), { recursive: true });
    await copyFile(path.join(root, 'scripts', 'serve.mjs'), path.join(scratch, 'scripts', 'serve.mjs'));
    await writeFile(path.join(scratch, 'scripts', 'build.mjs'), stubBuild);
    await writeFile(path.join(scratch, 'src-main', 'a.ts'), 'export {};');
    const past = new Date(Date.now() - 60_000);
    await utimes(path.join(scratch, 'src-main', 'a.ts'), past, past);
    await utimes(path.join(scratch, 'scripts', 'build.mjs'), past, past);
  });
  afterAll(async () => {
    if (!process.env['KEEP']) await rm(scratch, { recursive: true, force: true });
  });

  it('builds when the output is missing, runs the server, and passes on its exit code after SIGINT', async () => {
    const run = await runServe(['--port', '0'], 'SIGINT');
    expect(await builds()).toBe(1);
    expect(run.stdout).toMatch(/^Berth is running at http:\/\/127\.0\.0\.1:\d+\/#token=/m);
    expect({ code: run.code, signal: run.signal, stderr: run.stderr }).toMatchObject({ code: 0, signal: null });
  });

  it('does not build again while the sources are older than the build', async () => {
    const run = await runServe(['--port', '0'], 'SIGTERM');
    expect({ code: run.code, signal: run.signal, stderr: run.stderr }).toMatchObject({ code: 0, signal: null });
    expect(await builds()).toBe(1);
  });

  it('builds again after a source file changes', async () => {
    const future = new Date(Date.now() + 60_000);
    await utimes(path.join(scratch, 'src-main', 'a.ts'), future, future);
    const run = await runServe(['--port', '0'], 'SIGINT');
    expect({ code: run.code, signal: run.signal, stderr: run.stderr }).toMatchObject({ code: 0, signal: null });
    expect(await builds()).toBe(2);
  });

  it('passes the arguments through and the exit code back', async () => {
    const run = await runServe(['--host', '0.0.0.0']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Refusing --host 0.0.0.0');
  });

});
