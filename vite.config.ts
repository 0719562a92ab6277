import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * The page's first script is the load guard (src-renderer/public/load-guard.js), a classic
 * script that must run before the app's script and stylesheet can fail to load, so Vite's
 * tags for them come after it; but Chromium then asked for them only once the guard had
 * arrived (a trace showed the requests serialized behind it). Preload hints for the same
 * two files, placed before the guard, start both fetches at once; the real tags after the
 * guard use those responses, and a failed preload only means the real tag fetches again
 * (and the guard sees it if that fails too).
 */
function fetchEntryEarly(): Plugin {
  return {
    name: 'berth-fetch-entry-early',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html) {
        const script = /<script type="module" crossorigin src="([^"]+)"><\/script>/.exec(html)?.[1];
        const styles = [...html.matchAll(/<link rel="stylesheet" crossorigin href="([^"]+)">/g)].map((m) => m[1]);
        const guard = '<script src="./load-guard.js"></script>';
        if (!script || !html.includes(guard)) throw new Error('index.html: the entry script or the load guard is missing');
        const hints = [
          `<link rel="modulepreload" crossorigin href="${script}">`,
          ...styles.map((href) => `<link rel="preload" as="style" crossorigin href="${href}">`),
        ];
        return html.replace(guard, `${hints.join('\n    ')}\n    ${guard}`);
      },
    },
  };
}

// The renderer is a static bundle: Electron loads it from disk, browser mode
// serves it from the Node server. Relative base so both work.
export default defineConfig({
  root: 'src-renderer',
  base: './',
  plugins: [react(), fetchEntryEarly()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    sourcemap: true,
    target: 'es2022',
    // One stylesheet for the whole app (about 50 kB), loaded by index.html under the load
    // guard. A lazily loaded view's own stylesheet cut off in flight (ERR_NETWORK_CHANGED,
    // when a container's network comes or goes) would leave it unstyled for good: Vite's
    // loader counts a <link> it already added as loaded, so a retry does not fetch it again.
    cssCodeSplit: false,
    rolldownOptions: {
      output: {
        codeSplitting: {
          // Everything the first screen imports statically goes into one chunk. Left to
          // itself the bundler cut it into ~24 modulepreloads and 6 stylesheets, and a fresh
          // browser context fetches at most 6 at a time from one HTTP/1.1 origin: the first
          // screen waited for five rounds of requests.
          // Lazily loaded pages and tabs stay separate chunks and import from this one.
          groups: [{ name: 'index', tags: ['$initial'] }],
        },
      },
    },
  },
});
