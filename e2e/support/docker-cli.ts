import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * The docker CLI as an independent witness: e2e tests check what the UI did by
 * asking the engine through a different client than the one under test.
 */
export async function inspectState(nameOrId: string): Promise<{ status: string; running: boolean } | null> {
  try {
    const { stdout } = await run('docker', ['inspect', '--format', '{{json .State}}', nameOrId]);
    const state = JSON.parse(stdout) as { Status: string; Running: boolean };
    return { status: state.Status, running: state.Running };
  } catch (err) {
    if (String((err as { stderr?: string }).stderr ?? err).includes('No such')) return null;
    throw err;
  }
}

export async function docker(...args: string[]): Promise<string> {
  const { stdout } = await run('docker', args);
  return stdout.trim();
}
