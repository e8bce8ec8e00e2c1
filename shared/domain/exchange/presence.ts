/**
 * Operational presence (OCHA 3W/5W): one row per organisation × activity × place, hundreds per
 * organisation. Imported as one service per organisation × sector × first-level area, its
 * places (cercles, communes) kept as the service's locations, with stable ids so importing the
 * next month's workbook updates the same services instead of adding new ones.
 */
import { normalizeText } from '../directory/normalize';
import type { FlatField, Mapping } from './flat';
import { stableId } from './ids';
import type { Draft } from './validate';

/** The schema's limit of locations per service; further places are named in the description. */
const MAX_PLACES = 20;

type Row = { row: number; cells: readonly string[] };

const text = (v: unknown) => (typeof v === 'string' ? v : '');

export const groupPresence = (
  drafts: readonly Draft[],
  rows: readonly Row[],
  mapping: Mapping,
  office: string,
): Draft[] => {
  const cell = (r: Row, f: FlatField) => {
    const i = mapping[f];
    return i === undefined ? '' : (r.cells[i] ?? '').trim();
  };
  const out: Draft[] = [];
  const groups = new Map<string, { first: Draft; row: Row; members: Draft[]; rows: Row[] }>();
  drafts.forEach((d, n) => {
    const row = rows[n]!;
    // A row with an error stays on its own, so the report names it and its group still lands.
    if (d.issues.some((i) => i.severity === 'error')) return void out.push(d);
    const area = text(
      (d.locations[0]?.address as Record<string, unknown> | undefined)?.adminAreaCode,
    );
    const key = [normalizeText(text(d.organization.name)), text(d.service.category), area].join(
      '|',
    );
    const g = groups.get(key);
    if (g) {
      g.members.push(d);
      g.rows.push(row);
    } else groups.set(key, { first: d, row, members: [d], rows: [row] });
  });
  for (const [key, g] of groups) {
    const serviceId = stableId('presence', office, key);
    const places = new Map<string, Record<string, unknown>>();
    for (const m of g.members)
      for (const l of m.locations) {
        const addr = l.address as Record<string, unknown>;
        // A place is its cercle or commune; the activity's name would split one place in many.
        const place = text(addr.city) || text(l.name);
        const placeKey = normalizeText(place);
        if (!places.has(placeKey))
          places.set(placeKey, {
            ...l,
            id: stableId('presence-place', office, key, placeKey),
            name: place,
          });
      }
    const all = [...places.values()];
    const kept = all.slice(0, MAX_PLACES);
    const more = all
      .slice(MAX_PLACES)
      .map((l) => text((l.address as Record<string, unknown>).city) || text(l.name));
    const names = [...new Set(g.rows.map((r) => cell(r, 'name')).filter(Boolean))];
    const sector = cell(g.row, 'category');
    const region = cell(g.row, 'region');
    const name =
      names.length === 1
        ? names[0]!
        : [sector, region].filter(Boolean).join(' — ') || names[0] || '';
    const description = [
      text(g.first.service.description),
      names.length > 1 ? names.join(' ; ') : '',
      more.length ? `+ ${more.join(', ')}` : '',
    ]
      .filter(Boolean)
      .join('\n')
      .slice(0, 4000);
    out.push({
      row: g.first.row,
      organization: g.first.organization,
      locations: kept,
      issues: g.members.flatMap((m) => m.issues),
      service: {
        ...g.first.service,
        id: serviceId,
        name,
        description,
        locationIds: kept.map((l) => l.id),
        phones: (g.first.service.phones as Record<string, unknown>[]).map((ph, i) => ({
          ...ph,
          id: stableId('phone', serviceId, String(i)),
        })),
        // Populations and languages of every row of the group.
        populations: [...new Set(g.members.flatMap((m) => m.service.populations as string[]))],
        languages: [...new Set(g.members.flatMap((m) => m.service.languages as string[]))],
      },
    });
  }
  return out.sort((a, b) => a.row - b.row);
};
