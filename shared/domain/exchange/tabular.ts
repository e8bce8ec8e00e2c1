/**
 * The HSDS tabular data package: datapackage.json and one CSV per object (services.csv,
 * locations.csv, …), rows linked by ids. Written by flattening the nested HSDS JSON
 * (hsdsWrite.ts) and read by nesting the tables back into HSDS services (hsdsRead.ts), so both
 * HSDS forms go through one mapping.
 */
import type { ServiceView } from '../directory/schema';
import { parseCsv, toPlainCsv } from './csv';
import { TAXONOMY } from './extensions';
import type { ExportOptions } from './hsdsWrite';
import { toHsdsJson } from './hsdsWrite';
import { isRecord } from './text';

type Obj = Record<string, unknown>;

/** Columns we write, in HSDS order; names are HSDS field names, never ours. */
export const TABLES = {
  organizations: ['id', 'name', 'description', 'email', 'website'],
  organization_identifiers: [
    'id',
    'organization_id',
    'identifier_scheme',
    'identifier_type',
    'identifier',
  ],
  services: [
    'id',
    'organization_id',
    'name',
    'alternate_name',
    'description',
    'url',
    'email',
    'status',
    'fees_description',
    'assured_date',
    'last_modified',
  ],
  locations: ['id', 'location_type', 'organization_id', 'name', 'latitude', 'longitude'],
  addresses: [
    'id',
    'location_id',
    'address_1',
    'city',
    'state_province',
    'postal_code',
    'country',
    'address_type',
  ],
  service_at_location: ['id', 'service_id', 'location_id'],
  phones: ['id', 'service_id', 'contact_id', 'number', 'type', 'description'],
  contacts: ['id', 'service_id', 'name', 'title', 'email'],
  schedules: ['id', 'service_id', 'description'],
  languages: ['id', 'service_id', 'code'],
  attributes: ['id', 'link_id', 'taxonomy_term_id', 'link_type', 'link_entity', 'value'],
  taxonomy_terms: ['id', 'code', 'name', 'description', 'taxonomy', 'taxonomy_id'],
  taxonomies: ['id', 'name', 'description', 'version'],
} as const;
export type TableName = keyof typeof TABLES;
/** HSDS resource name of each file (datapackage.json). */
const RESOURCE: Record<TableName, string> = {
  organizations: 'organization',
  organization_identifiers: 'organization_identifier',
  services: 'service',
  locations: 'location',
  addresses: 'address',
  service_at_location: 'service_at_location',
  phones: 'phone',
  contacts: 'contact',
  schedules: 'schedule',
  languages: 'language',
  attributes: 'attribute',
  taxonomy_terms: 'taxonomy_term',
  taxonomies: 'taxonomy',
};
const NUMBER_FIELDS = new Set(['latitude', 'longitude']);

export type Tables = Record<TableName, Obj[]>;

/** Nested HSDS services → one row list per table, each row once (by id). */
export const toTables = (views: readonly ServiceView[], opts: ExportOptions): Tables => {
  const tables = Object.fromEntries(
    Object.keys(TABLES).map((k) => [k, new Map<string, Obj>()]),
  ) as Record<TableName, Map<string, Obj>>;
  const put = (t: TableName, row: Obj) => {
    if (!tables[t].has(String(row.id))) tables[t].set(String(row.id), row);
  };
  const attrs = (list: unknown) => {
    for (const a of Array.isArray(list) ? list.filter(isRecord) : []) {
      put('attributes', a);
      if (isRecord(a.taxonomy_term)) put('taxonomy_terms', a.taxonomy_term);
    }
  };
  for (const s of toHsdsJson(views, opts).contents) {
    put('services', s);
    attrs(s.attributes);
    if (isRecord(s.organization)) {
      put('organizations', s.organization);
      attrs(s.organization.attributes);
      const ids = s.organization.organization_identifiers;
      for (const x of Array.isArray(ids) ? ids.filter(isRecord) : [])
        put('organization_identifiers', x);
    }
    for (const p of s.phones as Obj[]) put('phones', p);
    for (const x of s.schedules as Obj[]) put('schedules', x);
    for (const x of s.languages as Obj[]) put('languages', x);
    for (const c of s.contacts as Obj[]) {
      put('contacts', c);
      for (const p of c.phones as Obj[]) put('phones', p);
    }
    for (const sal of s.service_at_locations as Obj[]) {
      put('service_at_location', sal);
      const l = sal.location as Obj;
      put('locations', l);
      attrs(l.attributes);
      for (const a of l.addresses as Obj[]) put('addresses', a);
    }
  }
  if (tables.attributes.size) put('taxonomies', TAXONOMY);
  return Object.fromEntries(Object.entries(tables).map(([k, m]) => [k, [...m.values()]])) as Tables;
};

const cell = (v: unknown) =>
  v === undefined || v === null ? '' : typeof v === 'object' ? '' : String(v);

export const tablesToFiles = (tables: Tables, created: string): Record<string, string> => {
  const files: Record<string, string> = {};
  const resources = [];
  for (const [name, cols] of Object.entries(TABLES) as [TableName, readonly string[]][]) {
    files[`${name}.csv`] = toPlainCsv([
      [...cols],
      ...tables[name].map((r) => cols.map((c) => cell(r[c]))),
    ]);
    resources.push({
      name: RESOURCE[name],
      path: `${name}.csv`,
      format: 'csv',
      mediatype: 'text/csv',
      encoding: 'utf-8',
      profile: 'tabular-data-resource',
      schema: {
        fields: cols.map((c) => ({ name: c, type: NUMBER_FIELDS.has(c) ? 'number' : 'string' })),
        primaryKey: 'id',
      },
    });
  }
  files['datapackage.json'] = JSON.stringify(
    {
      name: 'passerelle-directory',
      title: 'Passerelle directory (HSDS 3.0 tabular data package)',
      profile: 'tabular-data-package',
      created,
      resources,
    },
    null,
    2,
  );
  return files;
};

/** CSV text → row objects keyed by header (Object.fromEntries: a "__proto__" header stays data). */
export const csvToObjects = (text: string): Obj[] => {
  const { header, rows } = parseCsv(text);
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r.cells[i] ?? ''])));
};

const groupBy = (rows: Obj[] | undefined, key: string) => {
  const m = new Map<string, Obj[]>();
  for (const r of rows ?? []) {
    const k = cell(r[key]);
    if (!k) continue;
    const list = m.get(k);
    if (list) list.push(r);
    else m.set(k, [r]);
  }
  return m;
};

/**
 * Tables (by file name without .csv, as read from a package) → nested HSDS services, joined by
 * ids the way the JSON form nests them. Tables we do not use are ignored.
 */
export const tablesToServices = (t: Partial<Record<string, Obj[]>>): Obj[] => {
  const orgs = new Map((t.organizations ?? []).map((o) => [cell(o.id), o]));
  const locs = new Map((t.locations ?? []).map((l) => [cell(l.id), l]));
  const attrsBy = groupBy(t.attributes, 'link_id');
  const identifiersBy = groupBy(t.organization_identifiers, 'organization_id');
  const addressesBy = groupBy(t.addresses, 'location_id');
  const phonesBy = groupBy(
    (t.phones ?? []).filter((p) => !cell(p.contact_id)),
    'service_id',
  );
  const contactPhones = groupBy(t.phones, 'contact_id');
  const by = (name: string) => groupBy(t[name], 'service_id');
  const [schedules, languages, contacts, sals] = [
    by('schedules'),
    by('languages'),
    by('contacts'),
    by('service_at_location'),
  ];
  const withAttrs = (o: Obj) => ({ ...o, attributes: attrsBy.get(cell(o.id)) ?? [] });
  return (t.services ?? []).map((s) => {
    const id = cell(s.id);
    const org = orgs.get(cell(s.organization_id));
    return {
      ...withAttrs(s),
      ...(org
        ? {
            organization: {
              ...withAttrs(org),
              organization_identifiers: identifiersBy.get(cell(org.id)) ?? [],
            },
          }
        : {}),
      phones: phonesBy.get(id) ?? [],
      schedules: schedules.get(id) ?? [],
      languages: (languages.get(id) ?? []).filter((l) => !cell(l.phone_id)),
      contacts: (contacts.get(id) ?? []).map((c) => ({
        ...c,
        phones: contactPhones.get(cell(c.id)) ?? [],
      })),
      service_at_locations: (sals.get(id) ?? []).map((sal) => {
        const l = locs.get(cell(sal.location_id));
        return {
          ...sal,
          ...(l
            ? { location: { ...withAttrs(l), addresses: addressesBy.get(cell(l.id)) ?? [] } }
            : {}),
        };
      }),
    };
  });
};
