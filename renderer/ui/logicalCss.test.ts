/**
 * The app mirrors for Arabic only if no stylesheet pins things to the left or the right: every
 * CSS file of the renderer is scanned for physical properties and values (issue 18).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));

const filesEnding = (dir: string, ext: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? filesEnding(join(dir, e.name), ext)
      : e.name.endsWith(ext)
        ? [join(dir, e.name)]
        : [],
  );

/** Declarations that name a physical side, and the values that do. */
const PHYSICAL_PROPERTY =
  /^(left|right|(margin|padding|border|scroll-margin|scroll-padding)-(left|right)(-\w+)?|border-(top|bottom)-(left|right)-radius)$/;
const PHYSICAL_VALUE = /^(text-align|float|clear|caption-side|resize)$/;

/**
 * Allowed on purpose, as "file: declaration". Keep this short: each entry says why it is not
 * mirrored. (Chart axes and the map's canvas draw in screen coordinates, not in CSS.)
 */
const ALLOW: readonly string[] = [];

const physicalDeclarations = (css: string): string[] => {
  const found: string[] = [];
  const body = css.replace(/\/\*[\s\S]*?\*\//g, '');
  for (const m of body.matchAll(/([\w-]+)\s*:\s*([^;{}]+)/g)) {
    const [prop, value] = [m[1]!.toLowerCase(), m[2]!.trim().toLowerCase()];
    if (PHYSICAL_PROPERTY.test(prop)) found.push(`${prop}: ${value}`);
    else if (PHYSICAL_VALUE.test(prop) && /\b(left|right)\b/.test(value))
      found.push(`${prop}: ${value}`);
  }
  return found;
};

describe('stylesheets use logical properties only', () => {
  it('finds physical declarations (the scanner itself)', () => {
    expect(
      physicalDeclarations(
        'a{margin-left:1px;padding-inline-start:2px} b{text-align:right} /* left: 0 */ c{float: left; inset-inline-end: 0; border-top-right-radius: 2px}',
      ),
    ).toEqual([
      'margin-left: 1px',
      'text-align: right',
      'float: left',
      'border-top-right-radius: 2px',
    ]);
    // Selectors such as a:hover or .leaflet-left are not declarations.
    expect(physicalDeclarations('a:hover{color:red} .leaflet-left{inset-inline-start:0}')).toEqual(
      [],
    );
  });

  it('no CSS file of the renderer pins anything to the left or right', () => {
    const files = filesEnding(root, '.css');
    expect(files.length).toBeGreaterThan(2);
    const offending = files.flatMap((f) =>
      physicalDeclarations(readFileSync(f, 'utf8'))
        .map((d) => `${relative(root, f)}: ${d}`)
        .filter((d) => !ALLOW.includes(d)),
    );
    expect(offending).toEqual([]);
  });

  it('no inline style in a component pins anything to the left or right', () => {
    const inline =
      /style=\{\{[^}]*\b(marginLeft|marginRight|paddingLeft|paddingRight|left|right|textAlign:\s*'(left|right)')\s*:/;
    const offending = filesEnding(root, '.tsx').filter((f) => inline.test(readFileSync(f, 'utf8')));
    expect(offending.map((f) => relative(root, f))).toEqual([]);
  });
});
