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

/** Portuguese (Mozambique) and other names seen in offices' sheets and 3W workbooks. */
const MORE_ALIASES: Partial<Record<FlatField, string[]>> = {
  organization: ['organizacao', 'instituicao', 'entidade', 'parceiro', 'nom de la structure'],
  name: ['nome do servico', 'servico', 'nome', 'activite', 'actividade', 'atividade', 'activity'],
  category: ['tipo de servico', 'categoria', 'secteur', 'sector', 'cluster', 'type d assistance'],
  populations: ['publico alvo', 'publico', 'beneficiarios', 'grupo alvo', 'cible'],
  languages: ['linguas', 'lingua', 'idiomas', 'linguas faladas'],
  phones: ['telefone', 'telefones', 'contacto telefonico', 'celular', 'telephone de la structure'],
  email: ['correio electronico', 'correio eletronico', 'email'],
  hours: ['horario', 'horario de funcionamento'],
  address: ['endereco', 'morada'],
  city: ['cidade', 'localidade', 'distrito', 'cercle', 'posto administrativo', 'admin2'],
  region: ['provincia', 'regiao', 'admin1', 'admin1name', 'adm1', 'adm1 name'],
  country: ['pais', 'country', 'admin0'],
  status: ['estado', 'statut', 'situacao'],
  verified_date: [
    'data de verificacao',
    'verificado em',
    'derniere verification',
    'date de mise a jour',
    'mis a jour le',
    'data de actualizacao',
  ],
  contact_name: ['pessoa de contacto', 'ponto focal', 'contacto'],
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

/**
 * HXL hashtags (humanitarian exchange language, the second row of OCHA 3W/5W sheets) → fields.
 * Order matters: the first rule a column meets wins, and a field takes its first column.
 */
const HXL_RULES: [RegExp, FlatField][] = [
  [/^#org\b(?!.*\+(id|code|type|acronym|funder|donor))/, 'organization'],
  [/^#(sector|cluster)\b/, 'category'],
  [/^#activity\b(?!.*\+(code|id))/, 'name'],
  [/^#service\b(?!.*\+(code|id))/, 'name'],
  [/^#adm1\b(?!.*\+(code|pcode))/, 'region'],
  [/^#adm1\+p?code\b/, 'region'],
  [/^#adm[23]\b(?!.*\+(code|pcode))/, 'city'],
  [/^#loc\b(?!.*\+(code|pcode|id))/, 'location_name'],
  [/^#geo\+lat\b/, 'latitude'],
  [/^#geo\+lon\b/, 'longitude'],
  [/^#contact\+(phone|tel)\b/, 'contact_phone'],
  [/^#contact\+email\b/, 'contact_email'],
  [/^#contact\b/, 'contact_name'],
  [/^#country\b(?!.*\+p?code)/, 'country'],
  [/^#country\+(code|iso2)\b/, 'country'],
  [/^#status\b/, 'status'],
  [/^#(population|beneficiary)\+type\b/, 'populations'],
];

export const hxlMapping = (hxl: readonly string[]): Mapping => {
  const mapping: Mapping = {};
  const taken = new Set<number>();
  for (const [re, field] of HXL_RULES) {
    if (mapping[field] !== undefined) continue;
    const i = hxl.findIndex((t, idx) => !taken.has(idx) && re.test(t.trim().toLowerCase()));
    if (i >= 0) {
      mapping[field] = i;
      taken.add(i);
    }
  }
  return mapping;
};

/** Header names first; with an HXL row, its tags decide and names fill only what they leave. */
export const suggestMapping = (header: readonly string[], hxl?: readonly string[]): Mapping => {
  const mapping: Mapping = hxl ? hxlMapping(hxl) : {};
  const taken = new Set<number>(Object.values(mapping));
  for (const f of FLAT_FIELDS) {
    if (mapping[f] !== undefined) continue;
    const names = new Set(
      [f, ...(ALIASES[f] ?? []), ...(MORE_ALIASES[f] ?? []), ...labels(f)].map(key),
    );
    const i = header.findIndex((h, idx) => !taken.has(idx) && names.has(key(h)));
    if (i >= 0) {
      mapping[f] = i;
      taken.add(i);
    }
  }
  return mapping;
};
