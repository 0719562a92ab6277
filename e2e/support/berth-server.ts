import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface BerthServer {
  /** http://127.0.0.1:PORT/ */
  origin: string;
  port: number;
  /** The server process, for reading its memory in /proc. */
  pid: number;
  token: string;
  /** The URL the CLI printed, with the token in its fragment (`/#token=…`). */
  loginUrl: string;
  /** BERTH_DATA_DIR of the server: a fresh temp folder unless the caller gave one. */
  dataDir: string;
  output: () => string;
  stop: () => Promise<void>;
}

const root = path.resolve(import.meta.dirname, '..', '..');
/**
 * The built app to test: dist/ unless BERTH_E2E_DIST names a private copy (kept under the
 * repository so its bundles still find node_modules), which parallel builds cannot empty.
 */
const dist = process.env.BERTH_E2E_DIST ? path.resolve(root, process.env.BERTH_E2E_DIST) : path.join(root, 'dist');

/** Starts the built browser-mode server as a user would (`node dist/main/server.mjs`). */
export async function startBerthServer(env: NodeJS.ProcessEnv = {}): Promise<BerthServer> {
  const token = randomBytes(24).toString('base64url');
  // Never the user's own settings: a temp data folder, removed on stop, unless one is given.
  const ownDataDir = env.BERTH_DATA_DIR ? null : mkdtempSync(path.join(tmpdir(), 'berth-e2e-data-'));
  const dataDir = env.BERTH_DATA_DIR ?? ownDataDir!;
  // BERTH_SERVER_NODE_ARGS, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof", profiles the server under a bench or a test.
  const nodeArgs = process.env.BERTH_SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  const child: ChildProcess = spawn(process.execPath, [...nodeArgs, path.join(dist, 'main/server.mjs'), '--port', '0'], {
    cwd: root,
    env: { ...process.env, ...env, BERTH_TOKEN: token, BERTH_DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const loginUrl = await new Promise<string>((resolve, reject) => {
    const deadline = setTimeout(() => reject(new Error(`server did not print its URL:\n${out}`)), 15_000);
    const check = () => {
      const m = /(http:\/\/127\.0\.0\.1:\d+\/#token=\S+)/.exec(out);
      if (m?.[1]) {
        clearTimeout(deadline);
        resolve(m[1]);
      }
    };
    child.stdout?.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(deadline);
      reject(new Error(`server exited with ${code}:\n${out}`));
    });
  });
  const url = new URL(loginUrl);
  return {
    origin: url.origin,
    port: Number(url.port),
    pid: child.pid!,
    token,
    loginUrl,
    dataDir,
    output: () => out,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }).then(() => {
        if (ownDataDir) rmSync(ownDataDir, { recursive: true, force: true });
      }),
  };
}
