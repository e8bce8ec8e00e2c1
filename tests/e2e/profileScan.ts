/**
 * Scanning a Chromium profile for canary values (issue 7's canary scan, issue 13's at-rest
 * checks): a persistent profile of our own, then every file searched for a text.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from '@playwright/test';

export const profileFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? profileFiles(join(dir, d.name)) : d.isFile() ? [join(dir, d.name)] : [],
  );

/** Where a text appears in the profile: as Latin-1/UTF-8 bytes or as UTF-16LE. */
export const findIn = (profile: string, text: string): string[] => {
  const needles = [
    Buffer.from(text, 'latin1'),
    Buffer.from(text, 'utf8'),
    Buffer.from(text, 'utf16le'),
  ];
  return profileFiles(profile).filter((f) => {
    const bytes = readFileSync(f);
    return needles.some((n) => bytes.includes(n));
  });
};

/** Chromium on a profile folder of ours, as the e2e project runs it. */
export const openProfile = (profile: string, baseURL?: string) =>
  chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-sync'],
    baseURL: baseURL ?? '',
    locale: 'fr-FR',
    timezoneId: 'Africa/Bamako',
  });

/** Where a number appears as IndexedDB stores it: a little-endian IEEE-754 double. */
export const findNumberIn = (profile: string, value: number): string[] => {
  const needle = Buffer.alloc(8);
  needle.writeDoubleLE(value);
  return profileFiles(profile).filter((f) => readFileSync(f).includes(needle));
};
