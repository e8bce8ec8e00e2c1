/**
 * electron-builder.yml, read as the packager reads it: fuses flipped, installers for the three
 * desktop systems, icons that exist. electron-builder itself parses YAML with js-yaml, so the
 * test uses the same parser (tests only: nothing at run time needs it).
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const yaml = createRequire(import.meta.url)('js-yaml') as { load: (text: string) => unknown };

type Target = string | { target: string; arch?: string[] };
type Config = {
  appId: string;
  asar: boolean;
  icon?: string;
  files: string[];
  electronFuses: Record<string, boolean>;
  directories: { buildResources: string };
  win: { target: Target[] | Target; icon?: string };
  nsis?: Record<string, unknown>;
  linux: { target: Target[]; icon?: string; maintainer?: string; category?: string };
  mac: { target: Target[] | Target; icon?: string; hardenedRuntime?: boolean };
  deb?: Record<string, unknown>;
  dmg?: Record<string, unknown>;
  publish?: unknown;
  electronVersion?: string;
};

const config = yaml.load(readFileSync(`${root}/electron-builder.yml`, 'utf8')) as Config;
const targets = (t: Target[] | Target): string[] =>
  (Array.isArray(t) ? t : [t]).map((x) => (typeof x === 'string' ? x : x.target));

describe('electron-builder.yml', () => {
  it('is valid for electron-builder’s own schema', () => {
    const schema = JSON.parse(
      readFileSync(`${root}/node_modules/app-builder-lib/scheme.json`, 'utf8'),
    ) as object;
    const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
    expect(validate(config), JSON.stringify(validate.errors)).toBe(true);
  });

  it('flips the security fuses', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
      loadBrowserProcessSpecificV8Snapshot: false,
    });
  });

  it('packs the built app only, in an asar', () => {
    expect(config.asar).toBe(true);
    expect(config.files).toEqual([
      'out/electron/**',
      'out/renderer/**',
      'package.json',
      '!node_modules/electron{,/**/*}',
    ]);
  });

  it('packages the Electron version the project pins as an optional dependency', () => {
    // Optional, so `npm install` goes on where the binary cannot be downloaded (npm start then
    // opens the browser build); the packager reads the version from here instead.
    const pkg = JSON.parse(readFileSync(`${root}/package.json`, 'utf8')) as {
      optionalDependencies?: Record<string, string>;
      devDependencies: Record<string, string>;
    };
    expect(pkg.devDependencies.electron).toBeUndefined();
    expect(config.electronVersion).toBe(pkg.optionalDependencies?.electron);
  });

  it('builds NSIS, AppImage + deb, and dmg', () => {
    expect(targets(config.win.target)).toEqual(['nsis']);
    expect(targets(config.linux.target)).toEqual(['AppImage', 'deb']);
    expect(targets(config.mac.target)).toEqual(['dmg']);
    expect(config.linux.maintainer).toMatch(/<[^@>]+@[^>]+>/);
    expect(config.mac.hardenedRuntime).toBe(true);
    // Never publishes by itself: an installer leaves a machine only when someone sends it.
    expect(config.publish).toBeNull();
  });

  it('uses icons that exist in resources/', () => {
    const icons = [config.icon, config.win.icon, config.linux.icon, config.mac.icon];
    for (const icon of icons) {
      expect(icon).toMatch(/^resources\/icons\//);
      expect(existsSync(`${root}/${icon}`), icon).toBe(true);
    }
    // electron-builder needs at least 512×512 to make the macOS and Windows icons.
    const png = readFileSync(`${root}/resources/icons/icon.png`);
    expect(png.readUInt32BE(16)).toBeGreaterThanOrEqual(512);
    expect(png.readUInt32BE(20)).toBeGreaterThanOrEqual(512);
  });
});
