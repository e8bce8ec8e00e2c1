import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const projectDir = fileURLToPath(new URL('..', import.meta.url));

const electronBinaryInstalled = (): boolean => {
  try {
    const binary: unknown = createRequire(import.meta.url)('electron');
    return typeof binary === 'string' && existsSync(binary);
  } catch {
    return false;
  }
};

describe('scripts/start-electron.mjs', () => {
  it.skipIf(electronBinaryInstalled())(
    'prints one line and exits 1 when the Electron binary is missing',
    () => {
      const run = spawnSync(process.execPath, ['scripts/start-electron.mjs'], {
        cwd: projectDir,
        encoding: 'utf8',
        timeout: 20_000,
      });
      expect(run.status).toBe(1);
      const lines = `${run.stdout}${run.stderr}`.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/Electron binary is not installed.*npm run web/);
    },
  );
});
