import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The renderer is a static bundle: Electron loads it from disk, browser mode
// serves it from the Node server. Relative base so both work.
export default defineConfig({
  root: 'src-renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    sourcemap: true,
    target: 'es2022',
    rolldownOptions: {
      output: {
        codeSplitting: {
          // Everything the first screen imports statically goes into one chunk (and its CSS
          // into one stylesheet). Left to itself the bundler cut it into ~24 modulepreloads
          // and 6 stylesheets, and a fresh browser context fetches at most 6 at a time from
          // one HTTP/1.1 origin: the first screen waited for five rounds of requests.
          // Lazily loaded pages and tabs stay separate chunks and import from this one.
          groups: [{ name: 'index', tags: ['$initial'] }],
        },
      },
    },
  },
});
