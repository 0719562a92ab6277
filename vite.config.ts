import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

/** The chunk with the app proper (start-app.tsx and everything the first screen draws with). */
const APP_CHUNK = 'app';
/** React and React DOM, which the app chunk imports: the first screen's largest code. */
const REACT_CHUNK = 'react';

/**
 * The page's first script is the load guard (src-renderer/public/load-guard.js), a classic
 * script that must run before the app's scripts and stylesheet can fail to load, so Vite's
 * tags for them come after it; but Chromium then asked for them only once the guard had
 * arrived (a trace showed the requests serialized behind it). Preload hints placed before
 * the guard start every fetch at once: the small entry, the app chunk it imports (which
 * Vite would otherwise ask for only once the entry has run) and the stylesheet. The real
 * tags and the entry's import use those responses; a failed preload only means the file is
 * fetched again (and the guard sees it if that fails too).
 */
function fetchEntryEarly(): Plugin {
  return {
    name: 'berth-fetch-entry-early',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const script = /<script type="module" crossorigin src="([^"]+)"><\/script>/.exec(html)?.[1];
        const styles = [...html.matchAll(/<link rel="stylesheet" crossorigin href="([^"]+)">/g)].map((m) => m[1]);
        const guard = '<script src="./load-guard.js"></script>';
        const app = Object.values(ctx.bundle ?? {}).find((c) => c.type === 'chunk' && c.name === APP_CHUNK);
        if (!script || !app || app.type !== 'chunk' || !html.includes(guard)) {
          throw new Error('index.html: the entry script, the app chunk or the load guard is missing');
        }
        // The app chunk and what it imports besides the entry (the bundler's runtime helpers
        // are a chunk of their own, out of reach of the groups below).
        const appFiles = [app.fileName, ...app.imports.filter((f) => !script.endsWith(f))];
        const hints = [
          `<link rel="modulepreload" crossorigin href="${script}">`,
          ...appFiles.map((f) => `<link rel="modulepreload" crossorigin href="./${f}">`),
          ...styles.map((href) => `<link rel="preload" as="style" crossorigin href="${href}">`),
        ];
        return html.replace(guard, `${hints.join('\n    ')}\n    ${guard}`);
      },
    },
  };
}

/**
 * Marks the first screen's scripts for eager compilation (V8's explicit compile hints,
 * Chrome 136+; other engines read a comment). Most of their functions run during start-up
 * (React's render path, the store, the list): compiled lazily, each was parsed a second time
 * and compiled on the main thread as it was first called, and a profile of the first open
 * put a large part of the app chunk's evaluation there; compiled eagerly, that happens
 * while the script streams in, on a background thread. Not the entry: at ~11 kB it is below
 * the size Chromium streams, so it is compiled on the main thread, where compiling all of
 * it (its error and stream paths too) cost more than compiling what runs (A/B: entry mark
 * 87 → 82 ms). Added after Vite's own prologue: the comment must be the file's first line.
 * The source map moves down a line with it.
 */
function compileFirstScreenEagerly(): Plugin {
  const HINT = '//# allFunctionsCalledOnLoad\n';
  return {
    name: 'berth-compile-first-screen-eagerly',
    apply: 'build',
    enforce: 'post',
    // On the written files: Vite adds its prologue (the lazy chunks' dependency list) to the
    // chunks' code after every plugin's generateBundle.
    writeBundle(options, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk' || !(chunk.name === APP_CHUNK || chunk.name === REACT_CHUNK)) continue;
        const file = path.join(options.dir ?? '', chunk.fileName);
        writeFileSync(file, HINT + readFileSync(file, 'utf8'));
        const mapFile = `${file}.map`;
        if (!existsSync(mapFile)) continue;
        const map = JSON.parse(readFileSync(mapFile, 'utf8')) as { mappings: string };
        map.mappings = `;${map.mappings}`;
        writeFileSync(mapFile, JSON.stringify(map));
      }
    },
  };
}

/**
 * Fails the build when zod reaches the first screen's scripts (the entry, the app chunk or
 * React's). It was 92 of the entry's 104 kB, compiled and run before the entry's first line
 * (~40 ms of a fresh open); the first screen reads the socket with zod-free modules
 * (src-common/contract/server-message.ts, api-error.ts, wire-format.ts, models/settings-defaults.ts)
 * and checks responses once the schemas have loaded after the first paint (api/client.ts).
 * One value import of a schema module from the first screen brings it all back.
 */
function keepZodOffFirstScreen(): Plugin {
  return {
    name: 'berth-keep-zod-off-first-screen',
    apply: 'build',
    generateBundle(_options, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk' || !(chunk.isEntry || chunk.name === APP_CHUNK || chunk.name === REACT_CHUNK)) continue;
        const zod = chunk.moduleIds.filter((id) => id.includes('/node_modules/zod/'));
        if (zod.length === 0) continue;
        const ours = chunk.moduleIds.filter((id) => !id.includes('/node_modules/') && /\/src-common\/|\/src-renderer\//.test(id));
        const suspects = ours.filter((id) => /import\s[^;]*from\s+['"]zod['"]/.test(this.getModuleInfo(id)?.code ?? ''));
        const name = (id: string) => path.relative(process.cwd(), id);
        const through = suspects.map((id) => {
          const importers = (this.getModuleInfo(id)?.importers ?? []).filter((i) => ours.includes(i));
          return importers.length > 0 ? `${name(id)} (imported by ${importers.map(name).join(', ')})` : name(id);
        });
        this.error(
          `zod is in the first screen's ${chunk.name} chunk (${chunk.fileName}); it comes in through ` +
            `${through.join('; ') || 'a module that imports a schema'}. ` +
            'Import the zod-free module instead (see keepZodOffFirstScreen in vite.config.ts).',
        );
      }
    },
  };
}

// The renderer is a static bundle: Electron loads it from disk, browser mode
// serves it from the Node server. Relative base so both work.
export default defineConfig({
  root: 'src-renderer',
  base: './',
  plugins: [react(), fetchEntryEarly(), compileFirstScreenEagerly(), keepZodOffFirstScreen()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    sourcemap: true,
    target: 'es2022',
    // Vite's polyfill for <link rel="modulepreload"> ran first in the entry, on the page's
    // critical path, only to find that the browser supports it: every browser Berth runs in
    // does (Chromium and Electron since 66, Firefox 115, Safari 17), and where one did not,
    // the hints would only go unused.
    modulePreload: { polyfill: false },
    // One stylesheet for the whole app (about 50 kB), loaded by index.html under the load
    // guard. A lazily loaded view's own stylesheet cut off in flight (ERR_NETWORK_CHANGED,
    // when a container's network comes or goes) would leave it unstyled for good: Vite's
    // loader counts a <link> it already added as loaded, so a retry does not fetch it again.
    cssCodeSplit: false,
    rolldownOptions: {
      output: {
        codeSplitting: {
          // The first screen is three chunks: the small entry (main.tsx: the token, the socket
          // and the first screen's streams), and the app it imports at once (start-app.tsx
          // and all it imports statically) with React in a chunk of its own. Left to itself
          // the bundler cut the first screen into ~24 modulepreloads and 6 stylesheets, and a
          // fresh browser context fetches at most 6 at a time from one HTTP/1.1 origin: it
          // waited for five rounds of requests. React apart because Chromium compiles each
          // script on one background thread as it streams in: one 350 kB app chunk was the
          // last thing the first screen waited for (~107 ms of compiling), two of ~220 and
          // ~130 kB compile side by side. Lazily loaded pages and tabs stay separate chunks
          // and import from these.
          groups: [
            { name: 'index', tags: ['$initial'], priority: 2 },
            { name: REACT_CHUNK, test: /node_modules\/(react|react-dom|scheduler)\//, priority: 3 },
            { name: APP_CHUNK, test: /src-renderer\/start-app\.tsx$/, priority: 1 },
          ],
        },
      },
    },
  },
});
