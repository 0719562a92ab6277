import { generateToken } from './auth';
import { urlHost } from './http-server';

export const DEFAULT_PORT = 7420;
export const DEFAULT_HOST = '127.0.0.1';
/** Browser mode is for this machine only; exposing it on a network is not offered. */
export const LOOPBACK_HOSTS = ['127.0.0.1', '::1', 'localhost'] as const;
/** 22 base64url characters carry 132 bits: the least a fixed token may have. */
export const MIN_ENV_TOKEN_LENGTH = 22;
/** A random 22-character token has about 19 different characters; fewer than this is a pattern. */
const MIN_DISTINCT_CHARACTERS = 8;
export const TOKEN_HOWTO = 'Generate one with: openssl rand -hex 32  (or: node -e "console.log(require(\'crypto\').randomBytes(32).toString(\'base64url\'))")';

export interface CliOptions {
  port: number;
  host: string;
}

export type CliParse = { kind: 'run'; options: CliOptions } | { kind: 'help' } | { kind: 'error'; message: string };

export const USAGE = [
  'Usage: npm run serve -- [--port N] [--host ADDRESS]',
  `  --port N        port to listen on (default ${DEFAULT_PORT}; 0 picks a free one)`,
  `  --host ADDRESS  ${LOOPBACK_HOSTS.join(', ')} (default ${DEFAULT_HOST})`,
  `  BERTH_TOKEN     environment variable: a fixed access token (at least ${MIN_ENV_TOKEN_LENGTH} random characters)`,
].join('\n');

function parsePort(value: string): number | undefined {
  if (!/^\d{1,5}$/.test(value)) return undefined;
  const port = Number(value);
  return port <= 65535 ? port : undefined;
}

/** Accepts `--port N`, `--port=N`, `--host H`, `--host=H`, `--help`. */
export function parseCliArgs(argv: readonly string[]): CliParse {
  const options: CliOptions = { port: DEFAULT_PORT, host: DEFAULT_HOST };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--help' || arg === '-h') return { kind: 'help' };
    const eq = arg.indexOf('=');
    const name = eq >= 0 ? arg.slice(0, eq) : arg;
    if (name !== '--port' && name !== '--host') return { kind: 'error', message: `Unknown option "${arg}".\n${USAGE}` };
    const value = eq >= 0 ? arg.slice(eq + 1) : argv[++i];
    if (value === undefined || value === '') return { kind: 'error', message: `${name} needs a value.\n${USAGE}` };
    if (name === '--port') {
      const port = parsePort(value);
      if (port === undefined) return { kind: 'error', message: `--port must be a number from 0 to 65535, not "${value}".` };
      options.port = port;
    } else {
      const host = value.toLowerCase();
      if (!(LOOPBACK_HOSTS as readonly string[]).includes(host)) {
        return {
          kind: 'error',
          message:
            `Refusing --host ${value}: Berth's browser mode only listens on this machine ` +
            `(${LOOPBACK_HOSTS.join(', ')}). To reach it from elsewhere, use an SSH tunnel.`,
        };
      }
      options.host = host;
    }
  }
  return { kind: 'run', options };
}

export type TokenChoice = { ok: true; token: string; fromEnv: boolean } | { ok: false; message: string };

/** "abcdef…", "aaaa…", "0246…": every character the same step from the one before. */
function isRun(text: string): boolean {
  const step = text.charCodeAt(1) - text.charCodeAt(0);
  for (let i = 2; i < text.length; i++) if (text.charCodeAt(i) - text.charCodeAt(i - 1) !== step) return false;
  return true;
}

/**
 * BERTH_TOKEN when set (for scripts and tests), else a fresh random token per start.
 * Whoever holds the token controls the engine (root on most machines), so a fixed one
 * must look like at least 128 random bits: 22 or more URL-safe characters, not a
 * repeated character or an obvious run. It travels in a URL fragment, so only URL-safe
 * characters are allowed.
 */
export function chooseToken(env: Readonly<Record<string, string | undefined>>): TokenChoice {
  const fromEnv = env['BERTH_TOKEN'];
  if (fromEnv === undefined || fromEnv === '') return { ok: true, token: generateToken(), fromEnv: false };
  if (!/^[A-Za-z0-9._~-]+$/.test(fromEnv) || fromEnv.length > 512) {
    return {
      ok: false,
      message: `BERTH_TOKEN may contain only letters, digits and . _ ~ - (at most 512 characters). ${TOKEN_HOWTO}`,
    };
  }
  if (fromEnv.length < MIN_ENV_TOKEN_LENGTH) {
    return {
      ok: false,
      message: `BERTH_TOKEN is ${fromEnv.length} characters; it needs at least ${MIN_ENV_TOKEN_LENGTH} random ones (128 bits). ${TOKEN_HOWTO}`,
    };
  }
  if (new Set(fromEnv).size < MIN_DISTINCT_CHARACTERS || isRun(fromEnv)) {
    return {
      ok: false,
      message: `BERTH_TOKEN does not look random (a repeated character or a simple pattern); anyone could guess it. ${TOKEN_HOWTO}`,
    };
  }
  return { ok: true, token: fromEnv, fromEnv: true };
}

/**
 * The one address with the token in it, printed once. The token rides in the fragment:
 * browsers never send a fragment to a server nor put it in a Referer, and the page moves
 * it into its tab's sessionStorage and out of the address bar before anything else runs.
 */
export function launchUrl(host: string, port: number, token: string): string {
  return `http://${urlHost(host)}:${port}/#token=${encodeURIComponent(token)}`;
}

/** Quotes an argument for a POSIX shell only when it needs it. */
function shellWord(arg: string): string {
  return /^[A-Za-z0-9_./:=@%+-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}

/**
 * The command line that started this server, as the person typed it: `npm run serve -- …`
 * or `npm start -- …` (npm names the script in npm_lifecycle_event, and scripts/serve.mjs
 * passes the arguments on unchanged), else `node <script> …`. The "how to get in" page
 * names it, so nobody is told about a command or port they did not use.
 */
export function launchCommand(
  env: Readonly<Record<string, string | undefined>>,
  args: readonly string[],
  script: string,
): string {
  const rest = args.map(shellWord).join(' ');
  const event = env['npm_lifecycle_event'];
  if (event === 'serve' || event === 'start') {
    const npm = event === 'serve' ? 'npm run serve' : 'npm start';
    return rest ? `${npm} -- ${rest}` : npm;
  }
  return rest ? `node ${shellWord(script)} ${rest}` : `node ${shellWord(script)}`;
}
