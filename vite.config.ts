import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import { catalogueModules } from './scripts/viteCatalogues.ts';
import { startupChunk } from './scripts/viteStartupChunk.ts';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const pkg = JSON.parse(readFileSync(here('./package.json'), 'utf8')) as { version: string };

// The renderer: built once, served by `npm run web` in a browser and by Electron's app://
// protocol on the desktop. `base: './'` so the build loads from either.
export default defineConfig({
  root: here('./renderer'),
  base: './',
  // One module of strings per interface language; the first screen's code in one script (issue 15).
  plugins: [react(), catalogueModules(), startupChunk('/renderer/main.tsx')],
  // Settings → About shows the package's version in the browser build too (Electron asks main).
  define: { 'import.meta.env.VITE_APP_VERSION': JSON.stringify(pkg.version) },
  resolve: {
    alias: {
      '@shared': here('./shared'),
      // pouchdb-browser imports Node's `events`; the window gets a small shim (sync issue).
      ...(process.env.VITEST ? {} : { events: here('./renderer/data/sync/events.ts') }),
    },
  },
  // Data files (the countries' areas, the default screening form; the areas are in the first
  // load) as `JSON.parse('…')`: V8 reads a JSON string faster than the same object literal
  // (issue 15, cold start). Every such import takes the whole file, none names a key.
  json: { namedExports: false, stringify: true },
  publicDir: here('./resources/public'),
  server: { port: Number(process.env.PORT ?? 5173), strictPort: false },
  preview: { port: Number(process.env.PORT ?? 4173), strictPort: true },
  build: {
    // Overridable so parallel checkouts or helpers can build without clobbering each other.
    outDir: process.env.RENDERER_OUT
      ? here(`./${process.env.RENDERER_OUT}`)
      : here('./out/renderer'),
    emptyOutDir: true,
    target: 'chrome120',
    chunkSizeWarningLimit: 2000,
    // One stylesheet, loaded with the window: screens load their code on first use (issue 15),
    // but their styles are shared (a panel, a badge, the header's sync status, the login box are
    // styled in one feature's file and used by others), and split per chunk they went missing
    // until that chunk happened to load. All of it is 45 kB, a few ms to parse.
    cssCodeSplit: false,
  },
  test: {
    root: here('.'),
    include: [
      'shared/**/*.test.ts',
      'renderer/**/*.test.{ts,tsx}',
      'electron/**/*.test.ts',
      'tests/unit/**/*.test.ts',
    ],
    environment: 'node',
    testTimeout: 30_000,
  },
});
