import { generateToken } from './auth';
import { urlHost } from './http-server';

export const DEFAULT_PORT = 7420;
export const DEFAULT_HOST = '127.0.0.1';
/** Browser mode is for this machine only; exposing it on a network is not offered. */
export const LOOPBACK_HOSTS = ['127.0.0.1', '::1', 'localhost'] as const;
export const MIN_ENV_TOKEN_LENGTH = 16;

export interface CliOptions {
  port: number;
  host: string;
}

export type CliParse = { kind: 'run'; options: CliOptions } | { kind: 'help' } | { kind: 'error'; message: string };

export const USAGE = [
  'Usage: npm run serve -- [--port N] [--host ADDRESS]',
  `  --port N        port to listen on (default ${DEFAULT_PORT}; 0 picks a free one)`,
  `  --host ADDRESS  ${LOOPBACK_HOSTS.join(', ')} (default ${DEFAULT_HOST})`,
  '  BERTH_TOKEN     environment variable: a fixed access token (at least 16 characters)',
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

/**
 * BERTH_TOKEN when set (for scripts and tests), else a fresh random token per start.
 * The token travels in a URL and a cookie, so only URL- and cookie-safe characters are allowed.
 */
export function chooseToken(env: Readonly<Record<string, string | undefined>>): TokenChoice {
  const fromEnv = env['BERTH_TOKEN'];
  if (fromEnv === undefined || fromEnv === '') return { ok: true, token: generateToken(), fromEnv: false };
  if (fromEnv.length < MIN_ENV_TOKEN_LENGTH) {
    return { ok: false, message: `BERTH_TOKEN must be at least ${MIN_ENV_TOKEN_LENGTH} characters long.` };
  }
  if (!/^[A-Za-z0-9._~-]+$/.test(fromEnv) || fromEnv.length > 512) {
    return {
      ok: false,
      message: 'BERTH_TOKEN may contain only letters, digits and . _ ~ - (at most 512 characters).',
    };
  }
  return { ok: true, token: fromEnv, fromEnv: true };
}

/** The one address with the token in it: printed once, opened once, then traded for a cookie. */
export function launchUrl(host: string, port: number, token: string): string {
  return `http://${urlHost(host)}:${port}/?token=${encodeURIComponent(token)}`;
}
