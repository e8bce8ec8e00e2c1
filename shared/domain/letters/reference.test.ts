import { describe, expect, it } from 'vitest';
import { imageInfo, logoFromFile, fromBase64, toBase64, MAX_LOGO_BYTES } from './letterhead';
import { letterheadSchema } from './letterhead';
import {
  DEFAULT_REFERENCE_FORMAT,
  checkReferenceFormat,
  formatReference,
  referenceFileStem,
} from './reference';

describe('reference format', () => {
  it('formats the default as MRN/BKO/2026/0042', () => {
    expect(formatReference(DEFAULT_REFERENCE_FORMAT, { office: 'BKO', year: 2026, seq: 42 })).toBe(
      'MRN/BKO/2026/0042',
    );
  });
  it('supports {YY}, an unpadded {SEQ} and wide sequences', () => {
    expect(formatReference('{OFFICE}-{YY}-{SEQ}', { office: 'SEG', year: 2031, seq: 7 })).toBe(
      'SEG-31-7',
    );
    expect(
      formatReference('{OFFICE}/{YEAR}/{SEQ:2}', { office: 'A1', year: 2026, seq: 1234 }),
    ).toBe('A1/2026/1234');
  });
  it('refuses formats that could repeat a reference or break a file name', () => {
    expect(checkReferenceFormat(DEFAULT_REFERENCE_FORMAT)).toBeNull();
    expect(checkReferenceFormat('MRN/{OFFICE}/{YEAR}')).toBe('letters.validation.formatSeq');
    expect(checkReferenceFormat('MRN/{OFFICE}/{SEQ:4}')).toBe('letters.validation.formatYear');
    expect(checkReferenceFormat('MRN/{YEAR}/{SEQ:4}')).toBe('letters.validation.formatOffice');
    expect(checkReferenceFormat('<b>{OFFICE}{YEAR}{SEQ}</b>')).toBe(
      'letters.validation.formatChars',
    );
    expect(checkReferenceFormat('{OFFICE}{YEAR}{SEQ}{NAME}')).toBe(
      'letters.validation.formatChars',
    );
    expect(letterheadSchema.safeParse({ referenceFormat: 'X/{SEQ}' }).success).toBe(false);
  });
  it('turns a reference into a file-name stem', () => {
    expect(referenceFileStem('MRN/BKO/2026/0042')).toBe('MRN-BKO-2026-0042');
  });
});

/** A 3×2 PNG and a 5×4 baseline JPEG header, byte for byte. */
const PNG = fromBase64(
  'iVBORw0KGgoAAAANSUhEUgAAAAMAAAACCAIAAAASFvFNAAAAEElEQVR4nGPgjumBIAY4CwA2AgWzJzYjzgAAAABJRU5ErkJggg==',
);
const JPEG = new Uint8Array([
  0xff, 0xd8, 0xff, 0xe0, 0x00, 0x04, 0x00, 0x00, 0xff, 0xc0, 0x00, 0x11, 0x08, 0x00, 0x04, 0x00,
  0x05, 0x03, 0x01, 0x22, 0x00, 0x02, 0x11, 0x01, 0x03, 0x11, 0x01,
]);

describe('logo', () => {
  it('reads PNG and JPEG sizes from their headers', () => {
    expect(imageInfo(PNG)).toEqual({ type: 'png', width: 3, height: 2 });
    expect(imageInfo(JPEG)).toEqual({ type: 'jpeg', width: 5, height: 4 });
    expect(imageInfo(new TextEncoder().encode('<svg onload="alert(1)"/>'))).toBeNull();
  });
  it('becomes a data URL, size-limited, by its bytes not its name', () => {
    const ok = logoFromFile(PNG);
    expect(ok.ok && ok.logo.dataUrl.startsWith('data:image/png;base64,iVBOR')).toBe(true);
    expect(logoFromFile(new Uint8Array(MAX_LOGO_BYTES + 1))).toEqual({
      ok: false,
      error: 'letters.validation.logoSize',
    });
    expect(logoFromFile(new TextEncoder().encode('GIF89a'))).toEqual({
      ok: false,
      error: 'letters.validation.logo',
    });
  });
  it('base64 round-trips every length', () => {
    for (let n = 0; n < 10; n++) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 73) & 255);
      expect(fromBase64(toBase64(bytes))).toEqual(bytes);
      expect(toBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
    }
  });
});
