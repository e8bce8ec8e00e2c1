/**
 * Which file column holds which field: suggested from the header (our names, French and
 * English labels, common synonyms, accent-insensitive) and remembered per header layout.
 */
import { catalogues } from '../../i18n/catalogues';
import { normalizeText } from '../directory/normalize';
import type { FlatField, Mapping } from './flat';
import { FLAT_FIELDS } from './flat';
import { stableId } from './ids';

/** Other names people give these columns (French and English), matched accent-insensitively. */
const ALIASES: Partial<Record<FlatField, string[]>> = {
  organization: ['organisation', 'structure', 'organization name', 'nom de l organisation', 'ong'],
  name: ['service', 'nom', 'nom du service', 'service name'],
  description: ['description du service', 'details'],
  category: ['categorie', 'type', 'type de service'],
  populations: ['public', 'public cible', 'population', 'beneficiaires', 'target population'],
  languages: ['langues', 'langue', 'language', 'langues parlees'],
  phones: ['telephone', 'telephones', 'tel', 'phone', 'numero', 'contact telephone'],
  email: ['courriel', 'e-mail', 'mail', 'adresse electronique'],
  url: ['site', 'site web', 'website', 'web'],
  hours: ['horaires', 'heures', 'heures d ouverture', 'opening hours'],
  free: ['gratuit', 'gratuite'],
  fees_description: ['frais', 'couts', 'fees'],
  referral_method: ['mode d orientation', 'orientation', 'referral'],
  response_delay_hours: ['delai de reponse', 'delai', 'response delay'],
  location_name: ['lieu', 'site', 'nom du lieu', 'location'],
  address: ['adresse', 'address 1', 'address_1', 'rue', 'street'],
  city: ['ville', 'localite', 'commune', 'town', 'village'],
  region: ['région', 'province', 'gouvernorat', 'state', 'state_province', 'admin area', 'zone'],
  district: ['cercle', 'distrito', 'tehsil', 'admin area 2', 'admin2', 'pcode'],
  country: ['pays'],
  latitude: ['lat', 'y'],
  longitude: ['lon', 'lng', 'long', 'x'],
  visibility: ['visibilite', 'acces'],
  verified_date: ['verifie le', 'date de verification', 'last verified', 'derniere verification'],
  verified_by: ['verifie par', 'verified by'],
  contact_name: ['contact', 'personne de contact', 'nom du contact', 'point focal'],
  contact_email: ['courriel du contact'],
  contact_phone: ['telephone du contact'],
  service_id: ['id', 'identifiant'],
};

const key = (s: string) =>
  normalizeText(s)
    .replace(/[_\-.]/g, ' ')
    .replace(/\s+/g, ' ');

/** Same headers in the same order = same layout: the mapping chosen once is offered again. */
export const headerSignature = (header: readonly string[]): string =>
  stableId('layout', ...header.map(key)).slice(0, 18);

/** The field's label in French and English, as the Import screen shows it. */
const labels = (f: FlatField): string[] => {
  const id = `exchange.field.${f}` as const;
  return [catalogues.fr[id], catalogues.en[id]].map((l) => l.replace(/\s*\(.*\)$/, ''));
};

export const suggestMapping = (header: readonly string[]): Mapping => {
  const mapping: Mapping = {};
  const taken = new Set<number>();
  for (const f of FLAT_FIELDS) {
    const names = new Set([f, ...(ALIASES[f] ?? []), ...labels(f)].map(key));
    const i = header.findIndex((h, idx) => !taken.has(idx) && names.has(key(h)));
    if (i >= 0) {
      mapping[f] = i;
      taken.add(i);
    }
  }
  return mapping;
};
