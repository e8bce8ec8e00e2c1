/**
 * What people type for a category or a population, per language: "foyer", "abrigo",
 * "دار إيواء" all mean a shelter. Every language counts whatever the interface language (a
 * Portuguese-speaking officer in a French office still types "abrigo"). A service carries only
 * its group keys in the index; the query expands a word to the groups whose terms it begins
 * (search.ts), so 60-odd synonyms cost neither index size nor update time per service.
 *
 * Data, not code: add a term to the list of its language. Terms go through the same
 * normalisation as the text (accents, Arabic letter forms, the article "ال"), so write them as
 * people spell them.
 */
import type { Population, ServiceCategory } from './schema';

export type SearchLanguage = 'fr' | 'en' | 'pt' | 'ar';
type Terms = Readonly<Record<SearchLanguage, readonly string[]>>;

export const CATEGORY_SYNONYMS: Readonly<Record<ServiceCategory, Terms>> = {
  shelter: {
    fr: ['hébergement', 'refuge', 'foyer', 'centre d’accueil', 'maison d’accueil', 'abri'],
    en: ['shelter', 'safe house', 'refuge', 'accommodation', 'housing', 'transit centre'],
    pt: ['abrigo', 'casa de acolhimento', 'casa abrigo', 'acolhimento', 'alojamento'],
    ar: ['دار إيواء', 'مأوى', 'مركز إيواء', 'ملجأ', 'بيت آمن', 'سكن'],
  },
  legal_aid: {
    fr: ['aide juridique', 'assistance juridique', 'conseil juridique', 'avocat', 'juriste'],
    en: ['legal aid', 'legal assistance', 'legal advice', 'lawyer'],
    pt: ['assistência jurídica', 'apoio jurídico', 'aconselhamento jurídico', 'advogado'],
    ar: ['مساعدة قانونية', 'استشارة قانونية', 'محامي', 'محام'],
  },
  medical: {
    fr: ['soins médicaux', 'santé', 'médecin', 'hôpital', 'clinique', 'dispensaire'],
    en: ['medical care', 'health', 'doctor', 'hospital', 'clinic'],
    pt: ['cuidados médicos', 'saúde', 'médico', 'hospital', 'clínica', 'centro de saúde'],
    ar: ['رعاية طبية', 'صحة', 'طبيب', 'مستشفى', 'عيادة', 'مركز صحي'],
  },
  psychosocial: {
    fr: ['soutien psychosocial', 'psychologue', 'écoute', 'santé mentale'],
    en: ['psychosocial support', 'counselling', 'counseling', 'psychologist', 'mental health'],
    pt: ['apoio psicossocial', 'psicólogo', 'aconselhamento', 'saúde mental'],
    ar: ['دعم نفسي اجتماعي', 'أخصائي نفسي', 'صحة نفسية', 'إرشاد نفسي'],
  },
  social_services: {
    fr: ['services sociaux', 'action sociale', 'assistant social', 'travailleur social'],
    en: ['social services', 'social worker', 'social welfare'],
    pt: ['serviços sociais', 'acção social', 'ação social', 'assistente social'],
    ar: ['خدمات اجتماعية', 'أخصائي اجتماعي', 'رعاية اجتماعية', 'شؤون اجتماعية'],
  },
  law_enforcement: {
    fr: ['police', 'gendarmerie', 'commissariat', 'point focal'],
    en: ['police', 'police station', 'law enforcement', 'focal point'],
    pt: ['polícia', 'esquadra', 'ponto focal', 'gabinete de atendimento'],
    ar: ['شرطة', 'مركز شرطة', 'نقطة اتصال', 'أمن'],
  },
  hotline: {
    fr: ['ligne d’urgence', 'ligne verte', 'numéro vert', 'numéro d’urgence'],
    en: ['hotline', 'helpline', 'emergency line', 'toll-free number'],
    pt: ['linha verde', 'linha de apoio', 'linha de emergência', 'número de emergência'],
    ar: ['خط ساخن', 'خط مساعدة', 'خط الطوارئ', 'رقم طوارئ'],
  },
  repatriation: {
    fr: ['retour', 'rapatriement', 'réintégration', 'réinsertion'],
    en: ['return', 'repatriation', 'reintegration'],
    pt: ['retorno', 'regresso', 'repatriamento', 'reintegração'],
    ar: ['عودة', 'إعادة إلى الوطن', 'إعادة إدماج'],
  },
  labour_inspection: {
    fr: ['inspection du travail', 'inspecteur du travail', 'travail', 'emploi'],
    en: ['labour inspection', 'labor inspection', 'labour inspector', 'employment'],
    pt: ['inspecção do trabalho', 'inspeção do trabalho', 'trabalho', 'emprego'],
    ar: ['تفتيش العمل', 'مفتش عمل', 'وزارة العمل'],
  },
  child_protection: {
    fr: ['protection de l’enfance', 'enfant', 'mineur'],
    en: ['child protection', 'children', 'child welfare', 'minor'],
    pt: ['protecção da criança', 'proteção da criança', 'criança', 'menor'],
    ar: ['حماية الطفل', 'طفل', 'أطفال', 'قاصر'],
  },
};

export const POPULATION_SYNONYMS: Readonly<Record<Population, Terms>> = {
  women: {
    fr: ['femmes'],
    en: ['women', 'woman'],
    pt: ['mulheres', 'mulher'],
    ar: ['نساء', 'امرأة', 'المرأة'],
  },
  men: { fr: ['hommes'], en: ['men', 'man'], pt: ['homens', 'homem'], ar: ['رجال', 'رجل'] },
  girls: {
    fr: ['filles', 'jeunes filles'],
    en: ['girls', 'girl'],
    pt: ['raparigas', 'rapariga', 'meninas', 'menina'],
    ar: ['فتيات', 'فتاة', 'بنات'],
  },
  boys: {
    fr: ['garçons'],
    en: ['boys', 'boy'],
    pt: ['rapazes', 'rapaz', 'meninos', 'menino'],
    ar: ['فتيان', 'فتى', 'أولاد', 'صبيان'],
  },
  families: {
    fr: ['familles'],
    en: ['families', 'family'],
    pt: ['famílias', 'família'],
    ar: ['عائلات', 'عائلة', 'أسر', 'أسرة'],
  },
  persons_with_disabilities: {
    fr: ['personnes handicapées', 'handicap', 'situation de handicap'],
    en: ['persons with disabilities', 'disability', 'disabled'],
    pt: ['pessoas com deficiência', 'deficiência'],
    ar: ['ذوو الإعاقة', 'ذوي الإعاقة', 'إعاقة'],
  },
};

const all = (t: Terms) => [...t.fr, ...t.en, ...t.pt, ...t.ar].join(' ');

/** Synonym group key → every term of the group, in every language, as one text. */
export const SYNONYM_GROUPS: ReadonlyMap<string, string> = new Map([
  ...Object.entries(CATEGORY_SYNONYMS).map(([k, t]) => [`category.${k}`, all(t)] as const),
  ...Object.entries(POPULATION_SYNONYMS).map(([k, t]) => [`population.${k}`, all(t)] as const),
]);

/**
 * The synonym groups of a service: the index stores these keys, not the terms, and a query word
 * matches a group when it begins one of its terms (as if the terms were the service's labels).
 */
export const synonymGroups = (
  category: ServiceCategory,
  populations: readonly Population[],
): string[] => [`category.${category}`, ...populations.map((p) => `population.${p}`)];

/** The terms of some groups as text (the linear-scan baseline indexes them as plain text). */
export const synonymText = (groups: readonly string[]): string =>
  groups.map((g) => SYNONYM_GROUPS.get(g) ?? '').join(' ');
