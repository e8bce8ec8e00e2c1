import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { _electron as electron, expect, test } from '@playwright/test';
import type { Platform } from '@shared/platform/contract';

/** `require('electron')` is the binary's path, or throws when its download was skipped. */
const electronBinary = (): string | undefined => {
  try {
    const binary: unknown = createRequire(import.meta.url)('electron');
    return typeof binary === 'string' && existsSync(binary) ? binary : undefined;
  } catch {
    return undefined;
  }
};

test.skip(electronBinary() === undefined, 'Electron binary not installed here');

const main = fileURLToPath(new URL('../../out/electron/main.cjs', import.meta.url));

test('opens the Passerelle window on the app origin with a heading', async () => {
  expect(existsSync(main), 'run `npm run build` first').toBe(true);
  // Chromium refuses to run its sandbox as root (CI containers); only then is it turned off.
  const args = process.getuid?.() === 0 ? ['--no-sandbox', main] : [main];
  const app = await electron.launch({ args });
  try {
    const page = await app.firstWindow();
    await expect(page).toHaveTitle(/Passerelle/);
    await expect(page.getByRole('heading').first()).toBeVisible();
    expect(page.url()).toMatch(/^app:\/\/passerelle\//);
    const info = await page.evaluate(() =>
      (Reflect.get(globalThis, 'passerelle') as Platform).appInfo(undefined),
    );
    expect(info.kind).toBe('electron');
  } finally {
    await app.close();
  }
});
