import { join } from 'node:path';
import { defineConfig } from '@playwright/test';
import base from './playwright.config';

// Benchmarks through the real screens of the built app (tests/bench-app/), run only by
// `npm run bench -- import-app` (scripts/bench.mjs builds the app into out/bench-app first):
// measurements printed, never part of the test suites.
const port = Number(process.env.BENCH_APP_PORT ?? 4180);
// Where scripts/bench.mjs builds it: absolute, as `vite preview` reads a relative --outDir
// from the Vite root (renderer/), which is not where the build went.
const outDir = join(process.cwd(), 'out/bench-app');

export default defineConfig({
  ...base,
  retries: 0,
  workers: 1,
  projects: [{ name: 'bench-app', testDir: 'tests/bench-app', testMatch: '*.bench.ts' }],
  use: { ...base.use, baseURL: `http://127.0.0.1:${port}/` },
  webServer: {
    command: `npx vite preview --port ${port} --strictPort --host 127.0.0.1 --outDir ${outDir}`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
