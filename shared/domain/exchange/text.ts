/**
 * Bytes to text and text to values, defensively: encoding detection (UTF-8 with or without
 * BOM, UTF-16 with BOM, else Windows-1252, the encoding of Excel's "CSV" on French Windows),
 * JSON with a depth limit and without prototype keys, and spreadsheet formula neutralisation.
 */
import { ExchangeError, LIMITS } from './limits';

// shared/ is compiled without DOM or Node typings; TextDecoder is global in both runtimes.
declare const TextDecoder: new (
  label?: string,
  options?: { fatal?: boolean; ignoreBOM?: boolean },
) => { decode: (input: Uint8Array) => string };

export const ENCODINGS = ['auto', 'utf-8', 'windows-1252'] as const;
export type EncodingChoice = (typeof ENCODINGS)[number];
export type Decoded = {
  text: string;
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';
};

/** Offset of the first byte that is not valid UTF-8, or -1. */
export const invalidUtf8Offset = (b: Uint8Array): number => {
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    if (c < 0x80) {
      i++;
      continue;
    }
    const n =
      c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : -1;
    if (n < 0 || i + n >= b.length) return i;
    for (let k = 1; k <= n; k++) if (((b[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    // Overlongs, surrogates and code points past U+10FFFF.
    const c1 = b[i + 1]!;
    if ((c === 0xe0 && c1 < 0xa0) || (c === 0xed && c1 > 0x9f)) return i;
    if ((c === 0xf0 && c1 < 0x90) || (c === 0xf4 && c1 > 0x8f)) return i;
    i += n + 1;
  }
  return -1;
};

export const decodeText = (bytes: Uint8Array, choice: EncodingChoice = 'auto'): Decoded => {
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = bom ? bytes.subarray(3) : bytes;
  if (choice === 'windows-1252')
    return { text: new TextDecoder('windows-1252').decode(body), encoding: 'windows-1252' };
  const bad = invalidUtf8Offset(body);
  if (bad < 0)
    return { text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(body), encoding: 'utf-8' };
  // A BOM says UTF-8 for sure: then a bad byte is damage, not another encoding.
  if (choice === 'utf-8' || bom)
    throw new ExchangeError('invalidUtf8', { offset: bad + (bom ? 3 : 0) });
  return { text: new TextDecoder('windows-1252').decode(body), encoding: 'windows-1252' };
};

/** JSON must be UTF-8 (RFC 8259): no guessing. */
export const decodeUtf8Strict = (bytes: Uint8Array): string => decodeText(bytes, 'utf-8').text;

/** Keys that could reach an object's prototype if a later step copied them with assignment. */
const POISON = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Nesting depth of a JSON text, counted without parsing so 100k nested brackets are refused
 * before JSON.parse recurses. Stops as soon as `limit` is passed.
 */
export const jsonDepthExceeds = (text: string, limit: number): boolean => {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++;
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) {
      if (++depth > limit) return true;
    } else if (c === 125 || c === 93) depth--;
  }
  return false;
};

export const safeJsonParse = (text: string, maxDepth: number = LIMITS.jsonDepth): unknown => {
  if (jsonDepthExceeds(text, maxDepth)) throw new ExchangeError('tooDeep', { limit: maxDepth });
  try {
    return JSON.parse(text, (key, value: unknown) => (POISON.has(key) ? undefined : value));
  } catch (e) {
    if (e instanceof RangeError) throw new ExchangeError('tooDeep', { limit: maxDepth });
    throw new ExchangeError('invalidJson', { message: e instanceof Error ? e.message : '' });
  }
};

/** A plain record from parsed input: own enumerable string keys, prototype keys never copied. */
export const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * OWASP CSV injection: a cell a spreadsheet would read as a formula (or as a DDE payload after
 * a tab or carriage return) gets a leading apostrophe. The importer strips exactly that prefix,
 * so values survive a round trip. Spreadsheets skip a leading NUL, CR, LF or TAB (and some trim
 * spaces) before evaluating, so any of those first, or spaces before = + - @, count too
 * (issue 13, item 10).
 */
const FORMULA_START = /^(?:[=+\-@\t\r\n\0]| +[=+\-@])/;
export const neutralise = (s: string): string => (FORMULA_START.test(s) ? `'${s}` : s);
export const unneutralise = (s: string): string =>
  s.length > 1 && s[0] === "'" && FORMULA_START.test(s.slice(1)) ? s.slice(1) : s;
