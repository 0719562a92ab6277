import { spawn } from 'node:child_process';
import { registryMessages } from './registry-messages';

/** A secret as credential helpers exchange it. Username "<token>" marks an identity token. */
export interface HelperCredentials {
  ServerURL: string;
  Username: string;
  Secret: string;
}

export const IDENTITY_TOKEN_USERNAME = '<token>';
const NOT_FOUND = 'credentials not found in native keychain';
const TIMEOUT_MS = 20_000;

export class CredentialHelperError extends Error {}

interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(helper: string, op: string, input: string, env: NodeJS.ProcessEnv): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(`docker-credential-${helper}`, [op], { env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), TIMEOUT_MS);
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    child.on('error', (err: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      reject(new CredentialHelperError(err.code === 'ENOENT' ? registryMessages.helperMissing(helper) : registryMessages.helperFailed(helper, op, err.message)));
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    child.stdin.on('error', () => {}); // a helper that exits without reading stdin
    child.stdin.end(input);
  });
}

/** The helper's own words for a failure; never the input, which may hold the secret. */
const failureText = (r: RunResult) => (r.stdout.trim() || r.stderr.trim() || `exit code ${r.code}`).slice(0, 300);

/**
 * One docker-credential-<name> program, spoken to as the docker CLI does: the operation
 * as the argument, the server URL or a JSON object on stdin, JSON on stdout.
 */
export function credentialHelper(helper: string, env: NodeJS.ProcessEnv = process.env) {
  return {
    name: helper,
    /** null when the helper has nothing for this server. */
    async get(serverURL: string): Promise<HelperCredentials | null> {
      const r = await run(helper, 'get', serverURL, env);
      if (r.code !== 0) {
        if (r.stdout.includes(NOT_FOUND) || r.stderr.includes(NOT_FOUND)) return null;
        throw new CredentialHelperError(registryMessages.helperFailed(helper, 'get', failureText(r)));
      }
      const parsed = JSON.parse(r.stdout) as Partial<HelperCredentials>;
      if (!parsed.Secret) return null;
      return { ServerURL: parsed.ServerURL ?? serverURL, Username: parsed.Username ?? '', Secret: parsed.Secret };
    },
    async store(credentials: HelperCredentials): Promise<void> {
      const r = await run(helper, 'store', JSON.stringify(credentials), env);
      if (r.code !== 0) throw new CredentialHelperError(registryMessages.helperFailed(helper, 'store', failureText(r)));
    },
    async erase(serverURL: string): Promise<void> {
      const r = await run(helper, 'erase', serverURL, env);
      if (r.code !== 0 && !(r.stdout + r.stderr).includes(NOT_FOUND)) {
        throw new CredentialHelperError(registryMessages.helperFailed(helper, 'erase', failureText(r)));
      }
    },
    /** server URL → username */
    async list(): Promise<Record<string, string>> {
      const r = await run(helper, 'list', '', env);
      if (r.code !== 0) throw new CredentialHelperError(registryMessages.helperFailed(helper, 'list', failureText(r)));
      const parsed: unknown = r.stdout.trim() ? JSON.parse(r.stdout) : {};
      if (typeof parsed !== 'object' || parsed === null) return {};
      return Object.fromEntries(Object.entries(parsed).filter((e): e is [string, string] => typeof e[1] === 'string'));
    },
  };
}
export type CredentialHelper = ReturnType<typeof credentialHelper>;
