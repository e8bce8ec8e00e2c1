/**
 * A fictional referral and the service it goes to, for tests and benchmarks: one realistic case
 * (a young woman from Nigeria referred from Bamako to a shelter in Ségou) that each test then
 * varies. Nothing here is real.
 */
import type { ServiceView } from '../directory/schema';
import { locationSchema, organizationSchema, serviceSchema } from '../directory/schema';
import type { OfficeProfile } from '../settings/schema';
import type { Letterhead } from '../letters/letterhead';
import { letterheadSchema } from '../letters/letterhead';
import type { Referral } from './schema';
import { referralSchema } from './schema';

const NOW = '2026-03-02T09:30:00.000Z';
const ids = {
  org: '7d0c6f2e-3a51-4b8e-9c1d-2f4e6a8b0c11',
  loc: '7d0c6f2e-3a51-4b8e-9c1d-2f4e6a8b0c12',
  service: '7d0c6f2e-3a51-4b8e-9c1d-2f4e6a8b0c13',
  referral: '7d0c6f2e-3a51-4b8e-9c1d-2f4e6a8b0c14',
};

export const FIXTURE_OFFICE: OfficeProfile = {
  country: 'ML',
  officeCode: 'BKO',
  officeName: 'Direction régionale de Bamako',
  userName: 'Awa Coordinatrice',
};

export const fixtureView = (): ServiceView => {
  const base = { office: 'SEG', createdAt: NOW, updatedAt: NOW };
  const organization = organizationSchema.parse({
    ...base,
    id: ids.org,
    name: 'Association Jigiya Ségou',
  });
  const location = locationSchema.parse({
    ...base,
    id: ids.loc,
    organizationId: ids.org,
    name: 'Maison d’accueil',
    address: { address1: 'Rue 12, Médine', city: 'Ségou', adminAreaCode: 'ML-4', country: 'ML' },
    visibility: 'restricted',
  });
  const service = serviceSchema.parse({
    ...base,
    id: ids.service,
    organizationId: ids.org,
    locationIds: [ids.loc],
    name: 'Centre d’accueil Jigiya',
    category: 'shelter',
    populations: ['women', 'girls'],
  });
  return { service, organization, locations: [location] };
};

export const fixtureReferral = (overrides: Partial<Referral> = {}): Referral =>
  referralSchema.parse({
    id: ids.referral,
    office: 'BKO',
    createdAt: NOW,
    updatedAt: NOW,
    caseCode: 'BKO-2026-0007',
    state: 'draft',
    urgency: '72h',
    serviceId: ids.service,
    referringOffice: { code: 'BKO', name: FIXTURE_OFFICE.officeName },
    referringOfficer: FIXTURE_OFFICE.userName,
    caseDetails: {
      person: { name: 'Blessing Okafor' },
      traffickingStatus: 'PossibleVictimOfTrafficking',
      exploitationTypes: ['SexualExploitation', 'ForcedLabour'],
      gender: 'Feminine',
      ageBand: '18-20',
      citizenship: ['NG'],
      languages: ['en', 'yo'],
      needs: ['shelter', 'medical'],
      reason: 'AdditionalServicesRequired',
      reasonDetails: 'Arrivée hier soir, a besoin d’un accompagnement pour les soins.',
      notes: 'Note interne : ne pas transmettre.',
    },
    consent: {
      given: true,
      scope: ['referral', 'recordName'],
      recipient: { kind: 'service', id: ids.service, name: 'Centre d’accueil Jigiya' },
      date: '2026-03-02',
      method: 'written',
      recordedBy: FIXTURE_OFFICE.userName,
    },
    ...overrides,
  });

export const fixtureLetterhead = (): Letterhead =>
  letterheadSchema.parse({
    authority:
      'Ministère de la Promotion de la Femme, de l’Enfant et de la Famille\nComité national de lutte contre la traite des personnes',
    motto: 'RÉPUBLIQUE DU MALI\nUn Peuple – Un But – Une Foi',
    address: 'Avenue de l’Indépendance, BP 2688, Bamako',
    phone: '+223 20 22 00 00',
    email: 'mrn.bamako@example.org',
    footer: 'Mécanisme national de référencement — Direction régionale de Bamako',
    place: 'Bamako',
    signatoryName: 'Fatoumata Diarra',
    signatoryTitle: 'La Directrice régionale',
  });
