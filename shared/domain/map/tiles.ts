/**
 * The optional online tile layer. Off by default: every tile request tells the tile server which
 * part of the country a coordinator is looking at, and the offline basemap is enough to work.
 */

export type TileUrlProblem = 'https' | 'placeholders';

/**
 * https, a host name (optionally after Leaflet's {s}. subdomain placeholder), an optional port,
 * then a path with no spaces, quotes or angle brackets. A regular expression rather than URL,
 * which shared/ does not have (no DOM, no Node), and stricter than URL about what a host is.
 */
const TEMPLATE = /^https:\/\/(\{s\}\.)?([a-z0-9-]+(?:\.[a-z0-9-]+)+)(?::\d{1,5})?\/[^\s"'<>\\]*$/i;

/** Only https (the window's CSP allows no other remote images) and an XYZ {z}/{x}/{y} template. */
export const tileUrlProblem = (url: string): TileUrlProblem | undefined => {
  if (!TEMPLATE.test(url.trim())) return 'https';
  return ['{z}', '{x}', '{y}'].every((p) => url.includes(p)) ? undefined : 'placeholders';
};

/**
 * The attribution line a tile provider requires, from the host name alone (letters, digits, dots
 * and hyphens), and rendered as text by the map, never as HTML.
 */
export type TileAttribution = { kind: 'osm' } | { kind: 'other'; host: string };

export const tileAttribution = (url: string): TileAttribution => {
  const host = TEMPLATE.exec(url.trim())?.[2]?.toLowerCase() ?? '';
  return /(^|\.)openstreetmap\.(org|fr)$/.test(host) ? { kind: 'osm' } : { kind: 'other', host };
};
