// `npm run dist`: pack Berth for this platform with electron-builder. The packaging tools
// live in packaging/ with their own lockfile, because electron-builder's native-rebuild
// dependencies (@electron/rebuild 4, node-abi 4) require Node 22.12 or newer while the
// rest of Berth runs on Node 20: kept apart, `npm install` stays free of engine warnings.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { buildAll } from './build.mjs';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const packaging = path.join(root, 'packaging');
const NEEDED = [22, 12];

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < NEEDED[0] || (major === NEEDED[0] && minor < NEEDED[1])) {
  process.stderr.write(
    `Packaging needs Node ${NEEDED.join('.')} or newer (electron-builder's native rebuild requires it); this is Node ${process.versions.node}. ` +
      'Everything else (npm start, npm test, npm run serve) works on Node 20.\n',
  );
  process.exit(1);
}

const run = (cmd, args, cwd) => {
  const result = spawnSync(cmd, args, { cwd, stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0) process.exit(result.status ?? 1);
};

if (!existsSync(path.join(packaging, 'node_modules', '.bin', 'electron-builder'))) {
  run('npm', ['ci', '--no-audit', '--no-fund'], packaging);
}
await buildAll();
run(path.join(packaging, 'node_modules', '.bin', 'electron-builder'), ['--projectDir', root, ...process.argv.slice(2)], root);
