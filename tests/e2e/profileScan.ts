/**
 * Searching a browser profile on disk for text (encryption at rest, issues 7 and 16): every
 * file, as bytes in the encodings Chromium stores strings in.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? files(join(dir, d.name)) : d.isFile() ? [join(dir, d.name)] : [],
  );

/** Where a text appears in the profile: as Latin-1/UTF-8 bytes or as UTF-16LE. */
export const findIn = (profile: string, text: string): string[] => {
  const needles = [
    Buffer.from(text, 'latin1'),
    Buffer.from(text, 'utf8'),
    Buffer.from(text, 'utf16le'),
  ];
  return files(profile).filter((f) => {
    const bytes = readFileSync(f);
    return needles.some((n) => bytes.includes(n));
  });
};
