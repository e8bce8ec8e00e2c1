/**
 * What the spreadsheet reader does not tell: which sheets are hidden and which ranges are
 * merged. Read from the workbook's XML parts (already inflated under the zip limits) with
 * patterns, not a DOM: only attributes of a few known elements are needed.
 */

// shared/ is compiled without DOM or Node typings; TextDecoder is global in both runtimes.
declare const TextDecoder: new () => { decode: (input: Uint8Array) => string };
const utf8 = new TextDecoder();

export type SheetMeta = { name: string; hidden: boolean; merges: Range[] };
/** Zero-based, inclusive. */
export type Range = { r0: number; c0: number; r1: number; c1: number };

const attr = (tag: string, name: string): string | undefined => {
  const m = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return m?.[1];
};
const unescape = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

const colIndex = (letters: string) =>
  [...letters.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;

export const parseRange = (ref: string): Range | undefined => {
  const m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/i.exec(ref.trim());
  if (!m) return undefined;
  const [c0, r0] = [colIndex(m[1]!), Number(m[2]) - 1];
  const [c1, r1] = m[3] ? [colIndex(m[3]), Number(m[4]) - 1] : [c0, r0];
  return { r0, c0, r1, c1 };
};

/** At most this many merged ranges per sheet are honoured (a hostile file may list millions). */
const MAX_MERGES = 10_000;

export const workbookMeta = (files: ReadonlyMap<string, Uint8Array>): SheetMeta[] => {
  const text = (path: string) => {
    const b = files.get(path);
    return b ? utf8.decode(b) : '';
  };
  const rels = new Map<string, string>();
  for (const tag of text('xl/_rels/workbook.xml.rels').match(/<Relationship\b[^>]*>/g) ?? []) {
    const id = attr(tag, 'Id');
    const target = attr(tag, 'Target');
    if (id && target) rels.set(id, target.replace(/^\/?(xl\/)?/, 'xl/'));
  }
  return (text('xl/workbook.xml').match(/<sheet\b[^>]*>/g) ?? []).map((tag) => {
    const state = attr(tag, 'state');
    const target = rels.get(attr(tag, 'r:id') ?? '');
    const xml = target ? text(target) : '';
    const tail = xml.slice(Math.max(0, xml.lastIndexOf('</sheetData>')));
    const merges = (tail.match(/<mergeCell\b[^>]*>/g) ?? [])
      .slice(0, MAX_MERGES)
      .map((m) => parseRange(attr(m, 'ref') ?? ''))
      .filter((r): r is Range => !!r);
    return {
      name: unescape(attr(tag, 'name') ?? ''),
      hidden: state === 'hidden' || state === 'veryHidden',
      merges,
    };
  });
};
