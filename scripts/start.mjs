// `npm start`: build, then run Berth in Electron. On a machine where Electron's
// binary is missing and cannot be fetched (offline), run browser mode instead.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildAll } from './build.mjs';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const electronDir = path.join(root, 'node_modules', 'electron');
const DOWNLOAD_TIMEOUT_MS = 60_000;

const say = (line) => process.stdout.write(`${line}\n`);
const complain = (line) => process.stderr.write(`${line}\n`);

/** The Electron executable if it is installed, else null (path.txt is written by its install script). */
export function findElectronBinary() {
  try {
    const relative = readFileSync(path.join(electronDir, 'path.txt'), 'utf8').trim();
    const binary = path.join(electronDir, 'dist', relative);
    return existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

/** One attempt at Electron's own download; offline it fails fast, and the timeout bounds a slow link. */
function tryDownloadElectron() {
  const env = { ...process.env };
  delete env.ELECTRON_SKIP_BINARY_DOWNLOAD;
  delete env.npm_config_electron_skip_binary_download;
  spawnSync(process.execPath, [path.join(electronDir, 'install.js')], {
    cwd: electronDir,
    env,
    stdio: ['ignore', 'ignore', 'ignore'],
    timeout: DOWNLOAD_TIMEOUT_MS,
  });
  return findElectronBinary();
}

/** Runs the child with our stdio, passes Ctrl+C and kill on to it, and exits with its code. */
function runForwarding(command, args) {
  const child = spawn(command, args, { cwd: root, stdio: 'inherit' });
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'];
  const forward = (signal) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  };
  for (const signal of signals) process.on(signal, forward);
  child.on('error', (err) => {
    complain(`Could not start ${command}: ${err.message}`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => {
    if (!signal) process.exit(code ?? 0);
    // Die of the same signal, so whoever started us sees what happened to the app.
    for (const s of signals) process.off(s, forward);
    process.kill(process.pid, signal);
  });
}

async function main() {
  const extraArgs = process.argv.slice(2);
  await buildAll();
  const electron = findElectronBinary() ?? tryDownloadElectron();
  if (!electron) {
    say(
      "Electron's binary is not installed and could not be downloaded (no internet?); starting Berth in browser mode instead.",
    );
    runForwarding(process.execPath, [path.join(root, 'scripts', 'serve.mjs'), ...extraArgs]);
    return;
  }
  runForwarding(electron, [root, ...extraArgs]);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((err) => {
    complain(err instanceof Error ? err.message : String(err));
    process.exit(1);
  });
}
