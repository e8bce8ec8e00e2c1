/**
 * Dates and numbers follow the interface language, not the browser's (issue 18): no formatter
 * in the renderer may be built without a locale, or with `undefined` (the browser's), and no
 * value may be formatted with toLocale…String() and no argument. (Collators are left out: they
 * sort names from the data, written in any script, not text of the interface.)
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const sources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? sources(join(dir, e.name))
      : /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name)
        ? [join(dir, e.name)]
        : [],
  );

const BROWSER_LOCALE =
  /new Intl\.(?!Collator)\w+\(\s*(\)|undefined\b)|\.toLocale(Date|Time)?String\(\s*\)|\.toLocale(Date|Time)?String\(\s*undefined\b/;

describe('formatters take the interface locale', () => {
  it('catches a formatter on the browser locale (the check itself)', () => {
    expect(BROWSER_LOCALE.test('new Intl.NumberFormat().format(1)')).toBe(true);
    expect(BROWSER_LOCALE.test("new Intl.DateTimeFormat(undefined, { dateStyle: 'long' })")).toBe(
      true,
    );
    expect(BROWSER_LOCALE.test('d.toLocaleDateString()')).toBe(true);
    expect(BROWSER_LOCALE.test('new Intl.NumberFormat(intlLocale)')).toBe(false);
  });
  it('no renderer source formats with the browser locale', () => {
    const offending = sources(root).filter((f) => BROWSER_LOCALE.test(readFileSync(f, 'utf8')));
    expect(offending.map((f) => relative(root, f))).toEqual([]);
  });
});
