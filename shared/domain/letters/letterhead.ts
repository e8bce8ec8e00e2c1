/**
 * The office's letterhead, set once in Settings: who writes (authority lines, motto), where
 * from, the logo, the footer, the default signatory and the reference format. Stored in the
 * settings table of this installation.
 */
import { z } from 'zod';
import { DEFAULT_REFERENCE_FORMAT, checkReferenceFormat } from './reference';

/** A logo is printed ~2 cm high: a quarter of a megabyte is plenty and keeps letters small. */
export const MAX_LOGO_BYTES = 256 * 1024;

const text = (max: number) =>
  z.string().trim().max(max, { message: 'validation.tooLong' }).default('');

/** PNG or JPEG only: an SVG can carry script, and other formats do not print everywhere. */
export const LOGO_DATA_URL = /^data:image\/(png|jpeg);base64,[A-Za-z0-9+/]+={0,2}$/;

export const logoSchema = z.object({
  dataUrl: z.string().regex(LOGO_DATA_URL, { message: 'letters.validation.logo' }),
  width: z.number().int().min(1).max(10_000),
  height: z.number().int().min(1).max(10_000),
});
export type Logo = z.infer<typeof logoSchema>;

export const letterheadSchema = z.object({
  /** Lines at the top left, e.g. the ministry, the national committee, the directorate. */
  authority: text(600),
  /** Lines at the top right, e.g. "RÉPUBLIQUE DU MALI" and the national motto. */
  motto: text(300),
  address: text(300),
  phone: text(60),
  email: z.union([z.literal(''), z.email({ message: 'validation.email' })]).default(''),
  footer: text(300),
  /** The town letters are dated from ("Bamako, le 3 mars 2026"). */
  place: text(80),
  signatoryName: text(120),
  signatoryTitle: text(160),
  referenceFormat: z
    .string()
    .trim()
    .default(DEFAULT_REFERENCE_FORMAT)
    .superRefine((f, ctx) => {
      const error = checkReferenceFormat(f);
      if (error) ctx.addIssue({ code: 'custom', message: error });
    }),
  /** Whether letters keep a box for the official stamp beside the signature. */
  stamp: z.boolean().default(true),
  /**
   * Print the Umm al-Qura (Hijri) date beside the Gregorian one on the date line, in every
   * letter language (Saudi and Bahraini offices date their letters in both calendars).
   */
  hijri: z.boolean().default(false),
  logo: logoSchema.nullable().default(null),
});
export type Letterhead = z.infer<typeof letterheadSchema>;
export type LetterheadInput = z.input<typeof letterheadSchema>;

export const EMPTY_LETTERHEAD: Letterhead = letterheadSchema.parse({});

export type ImageInfo = { type: 'png' | 'jpeg'; width: number; height: number };

/** Reads a PNG's or a JPEG's pixel size from its header; null for anything else. */
export const imageInfo = (bytes: Uint8Array): ImageInfo | null => {
  const u32 = (i: number) =>
    ((bytes[i]! << 24) | (bytes[i + 1]! << 16) | (bytes[i + 2]! << 8) | bytes[i + 3]!) >>> 0;
  const u16 = (i: number) => (bytes[i]! << 8) | bytes[i + 1]!;
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length > 24 && png.every((b, i) => bytes[i] === b))
    return { type: 'png', width: u32(16), height: u32(20) };
  if (bytes.length > 4 && bytes[0] === 0xff && bytes[1] === 0xd8) {
    // Walk the segments to the first start-of-frame marker, which holds the size.
    let i = 2;
    while (i + 9 < bytes.length) {
      if (bytes[i] !== 0xff) return null;
      const marker = bytes[i + 1]!;
      if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker))
        return { type: 'jpeg', height: u16(i + 5), width: u16(i + 7) };
      i += 2 + u16(i + 2);
    }
  }
  return null;
};

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Base64 without btoa/Buffer, which shared/ code may not assume. */
export const toBase64 = (bytes: Uint8Array): string => {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out += B64[(n >> 18) & 63]! + B64[(n >> 12) & 63]!;
    out += i + 1 < bytes.length ? B64[(n >> 6) & 63]! : '=';
    out += i + 2 < bytes.length ? B64[n & 63]! : '=';
  }
  return out;
};

export const fromBase64 = (b64: string): Uint8Array => {
  const clean = b64.replace(/=+$/, '');
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let bits = 0;
  let value = 0;
  let j = 0;
  for (const c of clean) {
    value = (value << 6) | B64.indexOf(c);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[j++] = (value >> bits) & 255;
    }
  }
  return out;
};

export type LogoResult =
  | { ok: true; logo: Logo }
  | { ok: false; error: 'letters.validation.logoSize' | 'letters.validation.logo' };

/** A chosen file as a logo: size-limited, PNG or JPEG by its bytes (not its name). */
export const logoFromFile = (bytes: Uint8Array): LogoResult => {
  if (bytes.length > MAX_LOGO_BYTES) return { ok: false, error: 'letters.validation.logoSize' };
  const info = imageInfo(bytes);
  if (!info || info.width === 0 || info.height === 0)
    return { ok: false, error: 'letters.validation.logo' };
  return {
    ok: true,
    logo: {
      dataUrl: `data:image/${info.type};base64,${toBase64(bytes)}`,
      width: info.width,
      height: info.height,
    },
  };
};

/** What no official letter goes without: who writes, from where, and who signs, by name. */
export type LetterGap = 'authority' | 'place' | 'signatoryName' | 'signatoryTitle';

/**
 * The gaps that keep a letter from being issued (and a reference number from being used): the
 * letterhead's authority and place, and the signatory as chosen for this letter.
 */
export const letterGaps = (
  letterhead: Pick<Letterhead, 'authority' | 'place'>,
  signatory: { name: string; title: string },
): LetterGap[] => {
  const gaps: LetterGap[] = [];
  if (!letterhead.authority.trim()) gaps.push('authority');
  if (!letterhead.place.trim()) gaps.push('place');
  if (!signatory.name.trim()) gaps.push('signatoryName');
  if (!signatory.title.trim()) gaps.push('signatoryTitle');
  return gaps;
};
