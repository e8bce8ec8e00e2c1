/**
 * Export of current capacity in the shape of Open Referral HSDS 3.1 `service_capacity` with its
 * `unit` (DESIGN §2): one service_capacity per shelter and population counted, in beds.
 *
 * Ids are derived from (service, population) so that exporting twice gives the same ids and a
 * receiving system updates its rows instead of adding new ones.
 */
import type { ShelterFigures } from './fold';
import type { CapacityPopulation } from './schema';
import { CAPACITY_POPULATIONS } from './schema';

export type HsdsUnit = { id: string; name: string; scheme: string; identifier: string };

export type HsdsServiceCapacity = {
  id: string;
  service_id: string;
  unit: HsdsUnit;
  unit_id: string;
  /** Beds free as of `updated`; 0 when over capacity (HSDS counts units, not a deficit). */
  available: number;
  /** Beds the shelter has for this population (EDXL-HAVE baseline). */
  maximum: number;
  description: string;
  updated: string;
};

const POPULATION_WORDS: Record<CapacityPopulation, string> = {
  women: 'women',
  men: 'men',
  girls: 'girls',
  boys: 'boys',
  families: 'families',
};

/** FNV-1a with a seed: four of them make 128 stable bits. Not for anything secret. */
const fnv = (s: string, seed: number): number => {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
};

/** A name-based UUID (RFC 9562 version 8, "custom"): the same name always gives the same id. */
export const stableUuid = (name: string): string => {
  const hex = [1, 2, 3, 4].map((k) =>
    fnv(name, k * 0x9e3779b9)
      .toString(16)
      .padStart(8, '0'),
  );
  const h = hex.join('');
  const variant = ((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
};

export const bedUnit = (population: CapacityPopulation): HsdsUnit => ({
  id: stableUuid(`passerelle:unit:bed:${population}`),
  name: `Bed (${POPULATION_WORDS[population]})`,
  scheme: 'Passerelle',
  identifier: `bed-${population}`,
});

/** Populations never counted are left out: HSDS requires an `updated` time. */
export const toHsdsServiceCapacity = (figures: ShelterFigures): HsdsServiceCapacity[] =>
  CAPACITY_POPULATIONS.flatMap((population) => {
    const f = figures.populations[population];
    if (!f?.lastUpdated) return [];
    const unit = bedUnit(population);
    const closed = figures.status !== null && figures.status !== 'open';
    return [
      {
        id: stableUuid(`passerelle:service_capacity:${figures.serviceId}:${population}`),
        service_id: figures.serviceId,
        unit,
        unit_id: unit.id,
        available: closed ? 0 : Math.max(0, f.available),
        maximum: f.baseline,
        description: `Shelter beds for ${POPULATION_WORDS[population]}`,
        updated: f.lastUpdated.at,
      },
    ];
  });
