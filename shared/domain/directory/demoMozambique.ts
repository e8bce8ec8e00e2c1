/**
 * Mozambique's demo pack, in Portuguese as written in Mozambique (casa de acolhimento,
 * província, distrito). Phone numbers: +258 then 00: Mozambique's nine-digit plan assigns
 * fixed lines from 2 and mobiles from 8 and has no national number beginning with 0.
 */
import { ALL, SHELTER_POPULATIONS, categoryCounts } from './demoPack';
import type { DemoPack, Words } from './demoPack';

const w = (...names: string[]): Words[] => names.map((n) => [n]);
const HOURS = ['Seg–sex 7h30–15h30', 'Seg–sex 8h–16h', 'Seg–sáb 8h–13h'];

/** Towns checked inside their province's Natural Earth polygon (demoPacks.test.ts). */
// prettier-ignore
const REGIONS: DemoPack['regions'] = [
  { code: 'MZ-MPM', services: 10, languages: ['ts', 'en'], towns: [[['Maputo'], -25.95, 32.58]] },
  { code: 'MZ-L', services: 5, languages: ['ts'],
    towns: [[['Matola'], -25.96, 32.46], [['Boane'], -26.04, 32.33], [['Manhiça'], -25.4, 32.81]] },
  { code: 'MZ-G', services: 4, languages: ['ts'],
    towns: [[['Xai-Xai'], -25.05, 33.64], [['Chókwè'], -24.53, 32.98]] },
  { code: 'MZ-I', services: 4, languages: ['ts', 'ndc'],
    towns: [[['Inhambane'], -23.87, 35.38], [['Maxixe'], -23.86, 35.34], [['Vilankulo'], -22, 35.3]] },
  { code: 'MZ-S', services: 6, languages: ['seh', 'ndc'],
    towns: [[['Beira'], -19.83, 34.84], [['Dondo'], -19.61, 34.74]] },
  { code: 'MZ-B', services: 4, languages: ['ndc', 'seh'],
    towns: [[['Chimoio'], -19.12, 33.48], [['Manica'], -18.94, 32.88]] },
  { code: 'MZ-T', services: 4, languages: ['ny', 'seh'],
    towns: [[['Tete'], -16.16, 33.59], [['Moatize'], -16.12, 33.74]] },
  { code: 'MZ-Q', services: 5, languages: ['vmw', 'seh'],
    towns: [[['Quelimane'], -17.88, 36.89], [['Mocuba'], -16.84, 36.99], [['Gurúè'], -15.46, 36.98]] },
  { code: 'MZ-N', services: 6, languages: ['vmw', 'sw'],
    towns: [[['Nampula'], -15.12, 39.27], [['Monapo'], -14.92, 40.3]] },
  { code: 'MZ-P', services: 5, languages: ['vmw', 'sw'],
    towns: [[['Pemba'], -12.97, 40.52], [['Montepuez'], -13.13, 39]] },
  { code: 'MZ-A', services: 3, languages: ['ny', 'vmw'],
    towns: [[['Lichinga'], -13.31, 35.24], [['Cuamba'], -14.8, 36.54]] },
];

export const MOZAMBIQUE: DemoPack = {
  country: 'MZ',
  marker: 'Dados fictícios de demonstração.',
  orgDescription: 'Organização inventada para mostrar o directório; não existe.',
  regions: REGIONS,
  categoryCounts: categoryCounts(56),
  categories: {
    shelter: {
      names: w('Casa de Acolhimento {N}', 'Centro de Trânsito {N}', 'Abrigo {N}'),
      text: 'Acolhimento temporário seguro, alimentação e encaminhamento para cuidados de saúde e apoio jurídico.',
      populations: SHELTER_POPULATIONS,
      methods: ['phone'],
      delay: [1, 24],
      hours: ['24 horas, todos os dias', 'Admissões 24 horas mediante chamada do ponto focal'],
    },
    medical: {
      names: w('Centro de Saúde {N}', 'Clínica {N}'),
      text: 'Consultas, urgências, saúde sexual e reprodutiva; atestados médicos a pedido.',
      populations: [ALL, ['women', 'girls']],
      methods: ['in_person', 'phone'],
      delay: [0, 24],
      hours: ['Seg–sáb 7h–19h, urgências 24 horas', ...HOURS],
    },
    psychosocial: {
      names: w('Apoio Psicossocial {N}', 'Gabinete de Escuta {N}'),
      text: 'Escuta, apoio psicológico individual e em grupo, mediação familiar.',
      populations: [ALL, ['women', 'girls']],
      methods: ['phone', 'in_person'],
      delay: [24, 72],
      hours: HOURS,
    },
    legal_aid: {
      names: w('Assistência Jurídica {N}', 'Clínica Jurídica {N}'),
      text: 'Informação jurídica, acompanhamento de queixas e representação em tribunal.',
      populations: [ALL, ['women', 'girls']],
      methods: ['in_person', 'letter', 'email'],
      delay: [24, 120],
      hours: HOURS,
    },
    social_services: {
      names: w('Acção Social {N}', 'Balcão Social {N}'),
      text: 'Avaliação de necessidades, apoio social de emergência e reintegração socioeconómica.',
      populations: [[...ALL, 'families', 'persons_with_disabilities']],
      methods: ['letter', 'in_person'],
      delay: [48, 168],
      hours: HOURS,
    },
    law_enforcement: {
      names: w(
        'Gabinete de Atendimento à Família e Menores {N}',
        'Ponto Focal contra o Tráfico {N}',
      ),
      text: 'Ponto focal da polícia para a identificação de vítimas e a recepção de queixas.',
      populations: [ALL],
      methods: ['in_person', 'phone'],
      delay: [0, 12],
      hours: ['24 horas, todos os dias'],
    },
    hotline: {
      names: w('Linha Verde Nacional {N}'),
      text: 'Linha gratuita de escuta e encaminhamento para os serviços do Mecanismo Nacional de Referência.',
      populations: [[...ALL, 'families', 'persons_with_disabilities']],
      methods: ['hotline'],
      delay: [0, 0],
      hours: ['24 horas, todos os dias'],
    },
    repatriation: {
      names: w('Apoio ao Retorno {N}'),
      text: 'Acolhimento de migrantes retornados, retorno voluntário assistido e reintegração.',
      populations: [[...ALL, 'families']],
      methods: ['email', 'letter'],
      delay: [72, 336],
      hours: HOURS,
    },
    labour_inspection: {
      names: w('Inspecção do Trabalho, Delegação {N}'),
      text: 'Fiscalização das condições de trabalho e denúncia de trabalho forçado e servidão doméstica.',
      populations: [['women', 'men'], ALL],
      methods: ['letter'],
      delay: [72, 240],
      hours: HOURS,
    },
    child_protection: {
      names: w('Espaço de Protecção da Criança {N}'),
      text: 'Atendimento a crianças vítimas, localização da família e acolhimento temporário.',
      populations: [['girls', 'boys'], ['girls'], ['boys']],
      methods: ['phone', 'in_person'],
      delay: [2, 48],
      hours: ['Seg–sáb 8h–18h, piquete 24 horas', ...HOURS],
    },
  },
  networks: {
    protection: { name: ['Rede Esperança contra o Tráfico'], token: ['Esperança'], share: 0.3 },
    health: { name: ['Federação Saúde Horizonte'], token: ['Horizonte'], share: 0.3 },
    legal: { name: ['Associação Kuvuna de Acesso à Justiça'], token: ['Kuvuna'], share: 0.35 },
    social: { name: ['Agência Embondeiro de Acção Social'], token: ['Embondeiro'], share: 0.35 },
    police: { name: ['Brigada Pomba contra o Tráfico'], token: ['Pomba'], share: 0.5 },
    labour: { name: ['Inspecção Chanfuta do Trabalho'], token: ['Chanfuta'], share: 0.5 },
    migration: {
      name: ['Programa Aurora de Retorno e Reintegração'],
      token: ['Aurora'],
      share: 0.6,
    },
    hotline: { name: ['Linha Verde Estrela'], token: ['Estrela'], share: 1 },
  },
  localOrgNames: {
    protection: w('Associação {N} de Protecção da Mulher e da Criança', 'ONG {N} Solidária'),
    health: w('Centro Médico {N}'),
    legal: w('Colectivo de Juristas {N}'),
    social: w('União {N} para a Família'),
    police: w('Esquadra {N}'),
    labour: w('Delegação {N} do Trabalho'),
    migration: w('Associação {N} de Retornados'),
    hotline: w('Linha {N}'),
  },
  /** Invented names; none is a known organisation's. */
  // prettier-ignore
  tokens: w(
    'Luz', 'Cajueiro', 'Futuro', 'Sorriso', 'Confiança', 'Renovação', 'Harmonia', 'Oásis',
    'Maçaniqueira', 'Andorinha', 'Bússola', 'Lanterna', 'Despertar', 'Âncora', 'Clareira',
    'Sentinela', 'Tecelão', 'Passagem', 'Nova Aurora', 'Mão Amiga', 'Canoa', 'Savana', 'Acácia',
    'Celeiro', 'Orvalho', 'Pérola', 'Farol', 'Palmeiral', 'Jasmim', 'Garça', 'Gazela', 'Cabaça',
    'Índigo', 'Lagoa', 'Mirante', 'Eco', 'Azul', 'Esmeralda', 'Mafurreira', 'Kanimambo',
  ),
  firstNames: ['Ana', 'Graça', 'Luísa', 'Celeste', 'Joaquim', 'Armando', 'Fátima', 'Alberto'],
  lastNames: [
    'Macuácua',
    'Sitoe',
    'Cossa',
    'Mondlane',
    'Nhantumbo',
    'Chissano',
    'Muianga',
    'Tembe',
  ],
  titles: ['Coordenadora', 'Ponto focal', 'Técnico de acção social', 'Jurista', 'Enfermeira'],
  verifiers: ['Ponto focal provincial (demo)', 'Secretariado do MNR (demo)'],
  baseLanguages: ['pt'],
  placeSuffix: (town) => ` – ${town}`,
  street: (n, door) => `Rua ${n}, n.º ${door}`,
  phone: (d) => `+258 00 ${d()} ${d()} ${d()}`,
  feesDescription: 'Gratuito mediante encaminhamento do mecanismo; exames especializados pagos.',
  permanence: 'Piquete',
  siteN: (n) => `, unidade ${n}`,
};
