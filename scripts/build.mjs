// Builds everything `npm start` and `npm run serve` run: the renderer (Vite) and
// the three Node-side bundles (esbuild). Dependencies stay external: they ship in
// node_modules (electron-builder packs the production ones).
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const out = path.join(root, 'dist', 'main');
const common = { bundle: true, platform: 'node', target: 'node20', sourcemap: true, logLevel: 'warning', absWorkingDir: root };

export async function buildAll() {
  await Promise.all([
    viteBuild({ configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn' }),
    // Electron main: CommonJS, electron provided by the runtime.
    esbuild({ ...common, entryPoints: ['src-main/electron/main.ts'], outfile: path.join(out, 'electron-main.cjs'), format: 'cjs', packages: 'external' }),
    // Sandboxed preload: one self-contained CommonJS file that requires only electron.
    esbuild({ ...common, entryPoints: ['src-main/preload/preload.ts'], outfile: path.join(out, 'preload.cjs'), format: 'cjs', external: ['electron'] }),
    // Browser-mode server.
    esbuild({ ...common, entryPoints: ['src-main/server/cli.ts'], outfile: path.join(out, 'server.mjs'), format: 'esm', packages: 'external' }),
  ]);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await buildAll();
  console.log('built dist/renderer and dist/main');
}
