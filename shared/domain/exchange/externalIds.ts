/**
 * Foreign ids kept as external identifiers (issue 17). A record read from another system's HSDS
 * gets a UUID of ours (hsdsForeign.ts `ownId`); its own id ("svc-1") is kept on the service or
 * organisation with the system it comes from, so the page can show it and our HSDS export gives
 * it back: as `organization_identifiers` for an organisation (HSDS has them), as attributes of
 * our taxonomy for a service (HSDS 3.0 has no service identifier). Identifiers the file carries
 * itself (its organization_identifiers, our attributes from another Passerelle) are read too.
 */
import type { ExternalId } from '../directory/schema';
import { MAX_EXTERNAL_IDS } from '../directory/schema';
import type { ExtensionField } from './extensions';
import { stableId } from './ids';
import { isRecord } from './text';
import type { ImportContext } from './types';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
export const isUuid = (s: string): boolean => UUID.test(s);

/** Control and bidirectional-override characters never belong in a name or an identifier. */
const clean = (v: unknown, max: number): string =>
  (typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v)) ? String(v) : '')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, max);

/** What names the system a file comes from: its package's name, else its file name. */
export const sourceName = (fileName: string, packageName?: unknown): string =>
  clean(packageName, 120) ||
  clean(
    fileName
      .split(/[\\/]/)
      .pop()
      ?.replace(/\.[a-z0-9]{1,5}$/i, ''),
    120,
  ) ||
  'HSDS';

const same = (a: ExternalId, b: ExternalId) =>
  a.identifierType === b.identifierType && a.identifier === b.identifier;

/**
 * Identifiers of both lists, once each (the same type and value are the same identifier, the
 * later list's system name winning: a file renamed between imports does not add one), at most
 * MAX_EXTERNAL_IDS, those already kept first. Undefined when there are none, so a record that
 * never had any keeps no empty list.
 */
export const mergeExternalIds = (
  kept: readonly ExternalId[] | undefined,
  next: readonly ExternalId[] | undefined,
): ExternalId[] | undefined => {
  const out = [...(kept ?? [])];
  for (const id of next ?? []) {
    const at = out.findIndex((x) => same(x, id));
    if (at >= 0) out[at] = id;
    else out.push(id);
  }
  return out.length ? out.slice(0, MAX_EXTERNAL_IDS) : undefined;
};

/** `{ externalIds }` to spread into a record, or nothing when there are none. */
export const withExternalIds = (ids: readonly ExternalId[] | undefined) =>
  ids?.length ? { externalIds: [...ids] } : {};

/** The foreign id a record was read with, when it was mapped to a UUID of ours. */
export const foreignIdentifier = (
  ctx: ImportContext,
  kind: 'service' | 'organization',
  foreign: string,
): ExternalId[] =>
  foreign && !isUuid(foreign)
    ? [
        {
          identifierScheme: clean(ctx.source, 120) || 'HSDS',
          identifierType: `${kind}_id`,
          identifier: clean(foreign, 200),
        },
      ]
    : [];

/** An HSDS organisation's `organization_identifiers` (scheme empty: the file's system). */
export const readOrganizationIdentifiers = (o: Record<string, unknown>, ctx: ImportContext) =>
  (Array.isArray(o.organization_identifiers) ? o.organization_identifiers : [])
    .filter(isRecord)
    .flatMap((x): ExternalId[] => {
      const identifier = clean(x.identifier, 200);
      if (!identifier) return [];
      return [
        {
          identifierScheme: clean(x.identifier_scheme, 120) || clean(ctx.source, 120) || 'HSDS',
          identifierType: clean(x.identifier_type, 120) || 'identifier',
          identifier,
        },
      ];
    })
    .slice(0, MAX_EXTERNAL_IDS);

/** Our export of an organisation's identifiers, with ids stable from export to export. */
export const hsdsOrganizationIdentifiers = (orgId: string, ids: readonly ExternalId[] = []) =>
  ids.map((x) => ({
    id: stableId('organization_identifier', orgId, x.identifierType, x.identifier),
    organization_id: orgId,
    identifier_scheme: x.identifierScheme,
    identifier_type: x.identifierType,
    identifier: x.identifier,
  }));

/**
 * A service's identifiers as attribute pairs: three attributes per identifier, in the same
 * order, none empty (the schema requires all three), so they read back as triples.
 */
export const externalIdPairs = (
  ids: readonly ExternalId[] = [],
): (readonly [ExtensionField, string])[] =>
  ids.flatMap((x) => [
    ['external_id_scheme', x.identifierScheme] as const,
    ['external_id_type', x.identifierType] as const,
    ['external_id', x.identifier] as const,
  ]);

/** The triples back from a service's attributes; a list cut short loses only its own tail. */
export const readExternalIdAttributes = (ext: Map<ExtensionField, string[]>): ExternalId[] => {
  const schemes = ext.get('external_id_scheme') ?? [];
  const types = ext.get('external_id_type') ?? [];
  const values = ext.get('external_id') ?? [];
  const n = Math.min(schemes.length, types.length, values.length, MAX_EXTERNAL_IDS);
  const out: ExternalId[] = [];
  for (let i = 0; i < n; i++) {
    const id = {
      identifierScheme: clean(schemes[i], 120),
      identifierType: clean(types[i], 120),
      identifier: clean(values[i], 200),
    };
    if (id.identifierScheme && id.identifierType && id.identifier) out.push(id);
  }
  return out;
};
