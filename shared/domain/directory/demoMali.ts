/**
 * Mali's demo pack: French names, every region incl. Ménaka and Taoudénit. Phone numbers start
 * with 00 after +223: Mali's closed eight-digit plan assigns no number beginning with 0.
 */
import { ALL, SHELTER_POPULATIONS, categoryCounts } from './demoPack';
import type { DemoPack, Words } from './demoPack';

/** French elision: "de Ségou" but "d'Ansongo". */
const ofTown = (town: string): string => (/^[AEIOUÉ]/.test(town) ? `d'${town}` : `de ${town}`);
const OFFICE_HOURS = ['Lun–ven 8h–16h', 'Lun–ven 7h30–16h30', 'Lun–jeu 8h–17h, ven 8h–12h'];
const w = (...names: string[]): Words[] => names.map((n) => [n]);

/** Towns checked inside their region's Natural Earth polygon (demoPacks.test.ts). */
// prettier-ignore
const REGIONS: DemoPack['regions'] = [
  { code: 'ML-BKO', services: 36, languages: ['bm', 'ff', 'snk', 'son'],
    towns: [[['Bamako'], 12.64, -8]] },
  { code: 'ML-1', services: 18, languages: ['bm', 'snk', 'ff'],
    towns: [[['Kayes'], 14.45, -11.44], [['Kita'], 13.03, -9.49], [['Nioro du Sahel'], 15.23, -9.59],
      [['Bafoulabé'], 13.81, -10.83], [['Diéma'], 14.54, -9.19], [['Yélimané'], 15.12, -10.57]] },
  { code: 'ML-2', services: 17, languages: ['bm', 'ff', 'snk'],
    towns: [[['Koulikoro'], 12.86, -7.56], [['Kati'], 12.74, -8.07], [['Dioïla'], 12.49, -6.79],
      [['Nara'], 15.17, -7.29], [['Kangaba'], 11.93, -8.41], [['Fana'], 12.77, -6.95]] },
  { code: 'ML-3', services: 20, languages: ['bm', 'ff'],
    towns: [[['Sikasso'], 11.32, -5.67], [['Koutiala'], 12.39, -5.46], [['Bougouni'], 11.42, -7.48],
      [['Kadiolo'], 10.56, -5.76], [['Yanfolila'], 11.17, -8.15], [['Kolondiéba'], 11.09, -6.89]] },
  { code: 'ML-4', services: 20, languages: ['bm', 'ff', 'son'],
    towns: [[['Ségou'], 13.43, -6.26], [['San'], 13.3, -4.9], [['Niono'], 14.25, -5.99],
      [['Markala'], 13.7, -6.07], [['Bla'], 12.95, -5.76], [['Macina'], 13.96, -5.36]] },
  { code: 'ML-5', services: 18, languages: ['ff', 'bm', 'son'],
    towns: [[['Mopti'], 14.49, -4.18], [['Sévaré'], 14.53, -4.1], [['Djenné'], 13.91, -4.55],
      [['Bandiagara'], 14.35, -3.61], [['Douentza'], 15, -2.95], [['Ténenkou'], 14.46, -4.92]] },
  { code: 'ML-6', services: 6, languages: ['son', 'tmh', 'ar'],
    towns: [[['Tombouctou'], 16.77, -3.01], [['Goundam'], 16.41, -3.67], [['Diré'], 16.28, -3.39],
      [['Niafunké'], 15.93, -3.99]] },
  { code: 'ML-7', services: 6, languages: ['son', 'tmh', 'ar', 'ff'],
    towns: [[['Gao'], 16.27, -0.04], [['Ansongo'], 15.66, 0.5], [['Bourem'], 16.95, -0.35]] },
  { code: 'ML-8', services: 4, languages: ['tmh', 'ar', 'son'],
    towns: [[['Kidal'], 18.44, 1.41], [['Tessalit'], 20.2, 1.01], [['Aguelhok'], 19.46, 0.86]] },
  { code: 'ML-9', services: 2, languages: ['tmh', 'son', 'ar'],
    towns: [[['Ménaka'], 15.92, 2.4]] },
  { code: 'ML-10', services: 1, languages: ['ar', 'tmh', 'son'],
    towns: [[['Taoudéni'], 22.68, -3.98]] },
];

export const MALI: DemoPack = {
  country: 'ML',
  marker: 'Donnée fictive de démonstration.',
  orgDescription: 'Organisation inventée pour montrer l’annuaire ; elle n’existe pas.',
  regions: REGIONS,
  categoryCounts: categoryCounts(147),
  categories: {
    shelter: {
      names: w("Centre d'accueil {N}", "Foyer d'hébergement {N}", 'Maison de transit {N}'),
      text: 'Hébergement temporaire sécurisé, repas et accompagnement vers les soins et le droit.',
      populations: SHELTER_POPULATIONS,
      methods: ['phone'],
      delay: [1, 24],
      hours: ['24 h/24, 7 j/7', 'Admissions 24 h/24 sur appel du point focal'],
    },
    medical: {
      names: w('Centre de santé {N}', 'Clinique {N}', 'Unité de soins {N}'),
      text: 'Consultations, soins d’urgence, santé sexuelle et reproductive ; certificats médicaux sur demande.',
      populations: [ALL, [...ALL, 'persons_with_disabilities'], ['women', 'girls']],
      methods: ['in_person', 'phone'],
      delay: [0, 24],
      hours: ['Lun–sam 8h–18h, urgences 24 h/24', 'Tous les jours 8h–20h', ...OFFICE_HOURS],
    },
    psychosocial: {
      names: w("Cellule d'écoute {N}", 'Soutien psychosocial {N}'),
      text: 'Écoute, soutien psychologique individuel et en groupe, médiation familiale.',
      populations: [ALL, ['women', 'girls'], ['girls', 'boys']],
      methods: ['phone', 'in_person'],
      delay: [24, 72],
      hours: [...OFFICE_HOURS, 'Lun–sam 9h–17h'],
    },
    legal_aid: {
      names: w('Clinique juridique {N}', 'Aide juridique {N}', 'Permanence juridique {N}'),
      text: 'Information juridique, accompagnement des plaintes et représentation devant les tribunaux.',
      populations: [ALL, ['women', 'men'], ['women', 'girls']],
      methods: ['in_person', 'letter', 'email'],
      delay: [24, 120],
      hours: [...OFFICE_HOURS, 'Mar et jeu 9h–13h'],
    },
    social_services: {
      names: w('Guichet social {N}', "Service d'action sociale {N}"),
      text: 'Évaluation des besoins, aide sociale d’urgence et réinsertion socio-économique.',
      populations: [
        ['families', 'women', 'men'],
        [...ALL, 'families', 'persons_with_disabilities'],
      ],
      methods: ['letter', 'in_person'],
      delay: [48, 168],
      hours: OFFICE_HOURS,
    },
    law_enforcement: {
      names: w('Point focal anti-traite {N}', 'Brigade de protection {N}'),
      text: 'Point focal de la police pour l’identification des victimes et la réception des plaintes.',
      populations: [ALL],
      methods: ['in_person', 'phone'],
      delay: [0, 12],
      hours: ['24 h/24, 7 j/7', 'Lun–sam 8h–18h, permanence la nuit'],
    },
    hotline: {
      names: w('Ligne verte nationale {N}'),
      text: 'Ligne d’écoute gratuite et orientation vers les services du mécanisme national de référence.',
      populations: [[...ALL, 'families', 'persons_with_disabilities']],
      methods: ['hotline'],
      delay: [0, 0],
      hours: ['24 h/24, 7 j/7'],
    },
    repatriation: {
      names: w('Aide au retour {N}', 'Accueil des migrants de retour {N}'),
      text: 'Accueil des migrants de retour, retour volontaire assisté et aide à la réintégration.',
      populations: [[...ALL, 'families']],
      methods: ['email', 'letter'],
      delay: [72, 336],
      hours: OFFICE_HOURS,
    },
    labour_inspection: {
      names: w('Inspection du travail, antenne {N}'),
      text: 'Contrôle des conditions de travail, signalement du travail forcé et de la servitude domestique.',
      populations: [['women', 'men'], ALL],
      methods: ['letter'],
      delay: [72, 240],
      hours: OFFICE_HOURS,
    },
    child_protection: {
      names: w("Espace de protection de l'enfant {N}", 'Cellule enfance {N}'),
      text: 'Prise en charge des enfants victimes, recherche familiale et placement temporaire.',
      populations: [['girls', 'boys'], ['girls'], ['boys']],
      methods: ['phone', 'in_person'],
      delay: [2, 48],
      hours: ['Lun–sam 8h–18h, astreinte 24 h/24', ...OFFICE_HOURS],
    },
  },
  networks: {
    protection: {
      name: ['Réseau Espoir pour les survivantes de la traite'],
      token: ['Espoir'],
      share: 0.3,
    },
    health: { name: ['Fédération Santé Horizon'], token: ['Horizon'], share: 0.3 },
    legal: { name: ["Association Sababou pour l'accès au droit"], token: ['Sababou'], share: 0.35 },
    social: { name: ["Agence Baobab de l'action sociale"], token: ['Baobab'], share: 0.35 },
    police: { name: ['Brigade Colombe de lutte contre la traite'], token: ['Colombe'], share: 0.5 },
    labour: { name: ['Inspection Néré du travail'], token: ['Néré'], share: 0.5 },
    migration: {
      name: ['Programme Aurore pour le retour et la réintégration'],
      token: ['Aurore'],
      share: 0.6,
    },
    hotline: { name: ['Ligne verte Étoile'], token: ['Étoile'], share: 1 },
  },
  localOrgNames: {
    protection: w(
      'Association {N} pour la protection des femmes et des enfants',
      'ONG {N} Solidarité',
      'Fondation {N}',
    ),
    health: w('Centre médical {N}', 'Association médicale {N}'),
    legal: w('Collectif de juristes {N}', 'Association {N} pour les droits humains'),
    social: w('Union {N} pour la famille', "Association {N} pour l'enfance"),
    police: w('Commissariat {N}'),
    labour: w('Bureau {N} du travail'),
    migration: w('Association {N} des migrants de retour'),
    hotline: w('Ligne {N}'),
  },
  /** Invented names; none is a known organisation's. */
  // prettier-ignore
  tokens: w(
    'Lumière', 'Karité', 'Tamarinier', 'Avenir', 'Sourire', 'Confiance', 'Renouveau', 'Harmonie',
    'Oasis', 'Fleuve', 'Caïlcédrat', 'Rônier', 'Hirondelle', 'Boussole', 'Lanterne', 'Éveil',
    'Ancrage', 'Clairière', 'Source vive', 'Sentinelle', 'Tisserand', 'Kanoura', 'Sanoura', 'Tiéfa',
    'Passage', 'Aube nouvelle', 'Main tendue', 'Pirogue', 'Dunes', 'Savane', 'Kapokier', 'Acacia',
    'Grenier', 'Rosée', 'Alizé', 'Perle', 'Balise', 'Relais', 'Phare', 'Sésame', 'Bélier',
    'Palmeraie', 'Jasmin', 'Ibis', 'Héron', 'Gazelle', 'Calebasse', 'Natté', 'Indigo', 'Ocre',
    'Bogolan', 'Cauri', 'Lagune', 'Mirador', 'Écho', 'Azur', 'Émeraude', 'Fanal',
  ),
  firstNames: ['Awa', 'Fatoumata', 'Mariam', 'Aminata', 'Oumou', 'Moussa', 'Seydou', 'Adama'],
  lastNames: ['Traoré', 'Coulibaly', 'Diarra', 'Keïta', 'Koné', 'Sangaré', 'Maïga', 'Touré'],
  titles: ['Coordinatrice', 'Point focal', 'Travailleur social', 'Juriste', 'Infirmière'],
  verifiers: ['Point focal régional (démo)', 'Secrétariat du MNR (démo)'],
  baseLanguages: ['fr'],
  placeSuffix: (town) => ` ${ofTown(town)}`,
  street: (n, door) => `Rue ${n}, porte ${door}`,
  phone: (d) => `+223 00 ${d()} ${d()} ${d()}`,
  feesDescription: 'Gratuit sur orientation du mécanisme ; examens spécialisés payants.',
  permanence: 'Permanence',
  siteN: (n) => `, site ${n}`,
};
