/**
 * Text read twice as UTF-8 ("MÃ©XICO", "Ã©coute", "â€™"): UTF-8 bytes once decoded as
 * Windows-1252 and saved again. Flagged on import with the repaired text proposed; the value
 * is kept as the file has it, since a rare real "Ã©" must not be changed behind the user.
 */
declare const TextDecoder: new (
  label?: string,
  options?: { fatal?: boolean },
) => { decode: (input: Uint8Array) => string };

/** Windows-1252 characters of 0x80–0x9F, by code point → byte. */
const CP1252: Record<number, number> = Object.fromEntries(
  [...'€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ'].map((c, i) => [
    c.charCodeAt(0),
    0x80 + i,
  ]),
);
const SUSPECT =
  /[ÃÂâ][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013-\u2122]/;

/** The repaired text if `s` looks like double-encoded UTF-8 and repairs cleanly, else undefined. */
export const repairMojibake = (s: string): string | undefined => {
  if (!SUSPECT.test(s)) return undefined;
  const bytes: number[] = [];
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    const b = c < 0x100 ? c : CP1252[c];
    if (b === undefined) return undefined;
    bytes.push(b);
  }
  try {
    const fixed = new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(bytes));
    return fixed !== s ? fixed : undefined;
  } catch {
    return undefined;
  }
};
