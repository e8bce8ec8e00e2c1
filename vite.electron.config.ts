import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

// Main and preload, bundled to CommonJS: a sandboxed preload may require only `electron`, so
// everything it uses (zod, the contract) is bundled in.
export default defineConfig({
  resolve: { alias: { '@shared': here('./shared') } },
  build: {
    outDir: here('./out/electron'),
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    sourcemap: false,
    lib: {
      entry: {
        main: here('./electron/main/index.ts'),
        preload: here('./electron/preload/index.ts'),
      },
      formats: ['cjs'],
      fileName: (_format, name) => `${name}.cjs`,
    },
    rollupOptions: {
      external: ['electron', ...builtinModules, ...builtinModules.map((m) => `node:${m}`)],
    },
  },
});
