/**
 * Name-based identifiers for the HSDS sub-objects we do not store as records (addresses,
 * attributes, schedules, language rows, service_at_location): the same input gives the same id,
 * so exporting twice gives the same file and a partner's re-import matches row for row.
 * 128 bits from four independent 32-bit hashes, laid out as an RFC 9562 version 8 UUID.
 */
const hash32 = (s: string, seed: number): number => {
  let h = seed ^ 0x9e3779b9;
  for (let i = 0; i < s.length; i++) {
    h = Math.imul(h ^ s.charCodeAt(i), 0x5bd1e995);
    h ^= h >>> 13;
  }
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
};

export const stableId = (...parts: string[]): string => {
  const s = parts.join('\u0000');
  const hex = [1, 2, 3, 4].map((seed) => hash32(s, seed).toString(16).padStart(8, '0')).join('');
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
};
