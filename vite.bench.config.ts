import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { catalogueModules } from './scripts/viteCatalogues.ts';
import { startupChunk } from './scripts/viteStartupChunk.ts';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

// The benchmark page: the real shared/ and renderer/ modules, run in Chromium by scripts/bench.mjs.
export default defineConfig({
  root: here('./tests/bench'),
  base: './',
  // One module of strings per interface language; the first screen's code in one script (issue 15).
  plugins: [
    react(),
    catalogueModules(),
    startupChunk('/renderer/main.tsx', { leave: ['/tests/bench/cold/empty.ts'] }),
  ],
  resolve: {
    alias: { '@shared': here('./shared'), events: here('./renderer/data/sync/events.ts') },
  },
  // As the app's build (vite.config.ts): data files as `JSON.parse('…')`.
  json: { namedExports: false, stringify: true },
  logLevel: 'warn',
  build: {
    outDir: here('./out/bench'),
    emptyOutDir: true,
    target: 'chrome120',
    chunkSizeWarningLimit: 5000,
    // The benchmark page, and for the cold-start bench the app and an empty React page, each
    // built and served the same way.
    rollupOptions: {
      input: {
        main: here('./tests/bench/index.html'),
        app: here('./tests/bench/cold/app.html'),
        empty: here('./tests/bench/cold/empty.html'),
      },
    },
  },
});
