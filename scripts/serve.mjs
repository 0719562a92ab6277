// `npm run serve -- [--port N] [--host H]`: builds when the sources are newer than
// the build, then runs the browser-mode server with the same arguments.
import { spawn } from 'node:child_process';
import process from 'node:process';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const serverBundle = path.join(root, 'dist', 'main', 'server.mjs');
const outputs = [serverBundle, path.join(root, 'dist', 'renderer', 'index.html')];
const sources = ['src-common', 'src-main', 'src-renderer'].map((dir) => path.join(root, dir));
const inputs = [path.join(root, 'vite.config.ts'), path.join(root, 'scripts', 'build.mjs')];

function mtimeOrUndefined(file) {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return undefined;
  }
}

function newestMtime(dir) {
  let newest = 0;
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return newest;
  }
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(full));
    else if (entry.isFile()) newest = Math.max(newest, mtimeOrUndefined(full) ?? 0);
  }
  return newest;
}

function buildIsStale() {
  const built = outputs.map(mtimeOrUndefined);
  if (built.some((t) => t === undefined)) return true;
  const oldestOutput = Math.min(...built);
  const newestInput = Math.max(...sources.map(newestMtime), ...inputs.map((f) => mtimeOrUndefined(f) ?? 0));
  return newestInput > oldestOutput;
}

if (buildIsStale()) {
  process.stderr.write('Building Berth…\n');
  const { buildAll } = await import('./build.mjs');
  try {
    await buildAll();
  } catch {
    // The bundlers have already said what is wrong, file and line.
    process.stderr.write('Berth could not be built; fix the errors above and run "npm run serve" again.\n');
    process.exit(1);
  }
}

const child = spawn(process.execPath, ['--enable-source-maps', serverBundle, ...process.argv.slice(2)], {
  stdio: 'inherit',
});
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => child.kill(signal));
}
child.on('exit', (code, signal) => {
  if (code !== null) process.exit(code);
  // Exit the way the child did, so callers see the same signal.
  process.removeAllListeners(signal);
  process.kill(process.pid, signal);
});
