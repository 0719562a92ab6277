import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';

export interface BerthServer {
  /** http://127.0.0.1:PORT/ */
  origin: string;
  port: number;
  token: string;
  /** The URL the CLI printed, with the token. */
  loginUrl: string;
  output: () => string;
  stop: () => Promise<void>;
}

const root = path.resolve(import.meta.dirname, '..', '..');

/** Starts the built browser-mode server as a user would (`node dist/main/server.mjs`). */
export async function startBerthServer(env: NodeJS.ProcessEnv = {}): Promise<BerthServer> {
  const token = randomBytes(24).toString('base64url');
  const child: ChildProcess = spawn(process.execPath, [path.join(root, 'dist/main/server.mjs'), '--port', '0'], {
    cwd: root,
    env: { ...process.env, ...env, BERTH_TOKEN: token },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const loginUrl = await new Promise<string>((resolve, reject) => {
    const deadline = setTimeout(() => reject(new Error(`server did not print its URL:\n${out}`)), 15_000);
    const check = () => {
      const m = /(http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(out);
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
    token,
    loginUrl,
    output: () => out,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
