import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** What Berth reads from config.json; every other key is kept as it is. */
export interface DockerConfig {
  auths: Record<string, { auth?: string; identitytoken?: string; username?: string; password?: string }>;
  credHelpers: Record<string, string>;
  credsStore: string | null;
}

/** $DOCKER_CONFIG, else ~/.docker — where the docker CLI keeps config.json. */
export function defaultDockerConfigDir(env: NodeJS.ProcessEnv = process.env, home = os.homedir()): string {
  return env.DOCKER_CONFIG && env.DOCKER_CONFIG !== '' ? env.DOCKER_CONFIG : path.join(home, '.docker');
}

export const configFileOf = (dir: string) => path.join(dir, 'config.json');

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

async function readRaw(dir: string): Promise<Record<string, unknown>> {
  let text: string;
  try {
    text = await fs.readFile(configFileOf(dir), 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw err;
  }
  if (text.trim() === '') return {};
  const parsed: unknown = JSON.parse(text);
  if (!isRecord(parsed)) throw new Error('config.json is not a JSON object');
  return parsed;
}

export function interpretConfig(raw: Record<string, unknown>): DockerConfig {
  const auths: DockerConfig['auths'] = {};
  if (isRecord(raw.auths)) {
    for (const [key, value] of Object.entries(raw.auths)) if (isRecord(value)) auths[key] = value as DockerConfig['auths'][string];
  }
  const credHelpers: Record<string, string> = {};
  if (isRecord(raw.credHelpers)) {
    for (const [key, value] of Object.entries(raw.credHelpers)) if (typeof value === 'string' && value) credHelpers[key] = value;
  }
  const credsStore = typeof raw.credsStore === 'string' && raw.credsStore !== '' ? raw.credsStore : null;
  return { auths, credHelpers, credsStore };
}

export async function readDockerConfig(dir: string): Promise<DockerConfig> {
  return interpretConfig(await readRaw(dir));
}

/**
 * Changes config.json atomically: read, let `mutate` edit the parsed object (keys Berth
 * does not know stay as they are), write a temp file beside it and rename it over.
 */
export async function updateDockerConfig(dir: string, mutate: (raw: Record<string, unknown>) => void): Promise<void> {
  const file = configFileOf(dir);
  const raw = await readRaw(dir);
  mutate(raw);
  await fs.mkdir(dir, { recursive: true, mode: 0o700 });
  let mode = 0o600;
  try {
    mode = (await fs.stat(file)).mode & 0o777;
  } catch {
    // new file: private
  }
  const temp = path.join(dir, `.config.json.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await fs.writeFile(temp, `${JSON.stringify(raw, null, '\t')}\n`, { mode });
    await fs.rename(temp, file);
  } catch (err) {
    await fs.rm(temp, { force: true });
    throw err;
  }
}
