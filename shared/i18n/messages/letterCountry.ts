/**
 * The country conventions of the referral letter, in its four languages: the state's name and
 * motto at the top (where one is printed), reference and date lines, subject, salutation,
 * opening and closing formulas. The opening never puts an article before a service's name
 * ("bénéficie des services de Centre…"): the service stands in its own row of the table.
 * A native speaker should review the pt (Mozambique) and ar (Gulf ministries) columns.
 */
import { defineMessages } from '../define';

export const letterCountry = defineMessages(
  {
    'letterCountry.title': 'Lettre d’orientation',
    'letterCountry.referenceLine': 'N° {reference}',
    'letterCountry.dateLine': '{place}, le {date}',
    'letterCountry.dateLineNoPlace': 'Le {date}',
    'letterCountry.toLabel': 'À l’attention de Madame, Monsieur le Responsable',
    'letterCountry.subjectLabel': 'Objet :',
    'letterCountry.subject': 'Orientation d’une personne — dossier {caseCode}',
    'letterCountry.salutation': 'Madame, Monsieur,',
    'letterCountry.intro':
      'Dans le cadre du Mécanisme national de référencement des victimes de la traite des personnes, j’ai l’honneur de vous adresser, pour sa prise en charge, la personne désignée ci-dessous.',
    'letterCountry.fact.service': 'Service demandé',
    'letterCountry.closing':
      'Je vous prie d’agréer, Madame, Monsieur, l’expression de ma considération distinguée.',
    'letterCountry.state.ML': 'RÉPUBLIQUE DU MALI',
    'letterCountry.motto.ML': 'Un Peuple – Un But – Une Foi',
    'letterCountry.state.MZ': 'RÉPUBLIQUE DU MOZAMBIQUE',
    'letterCountry.state.SA': 'ROYAUME D’ARABIE SAOUDITE',
    'letterCountry.state.BH': 'ROYAUME DE BAHREÏN',
    'letterCountry.state.PK': 'RÉPUBLIQUE ISLAMIQUE DU PAKISTAN',
  },
  {
    'letterCountry.title': 'Referral letter',
    'letterCountry.referenceLine': 'Ref. {reference}',
    'letterCountry.dateLine': '{place}, {date}',
    'letterCountry.dateLineNoPlace': '{date}',
    'letterCountry.toLabel': 'For the attention of the Head of Service',
    'letterCountry.subjectLabel': 'Subject:',
    'letterCountry.subject': 'Referral of a person — case {caseCode}',
    'letterCountry.salutation': 'Dear Sir or Madam,',
    'letterCountry.intro':
      'Under the National Referral Mechanism for victims of trafficking in persons, I have the honour to refer to you, for assistance, the person described below.',
    'letterCountry.fact.service': 'Service requested',
    'letterCountry.closing': 'Yours faithfully,',
    'letterCountry.state.ML': 'REPUBLIC OF MALI',
    'letterCountry.motto.ML': 'One People – One Goal – One Faith',
    'letterCountry.state.MZ': 'REPUBLIC OF MOZAMBIQUE',
    'letterCountry.state.SA': 'KINGDOM OF SAUDI ARABIA',
    'letterCountry.state.BH': 'KINGDOM OF BAHRAIN',
    'letterCountry.state.PK': 'ISLAMIC REPUBLIC OF PAKISTAN',
  },
  {
    'letterCountry.title': 'Carta de encaminhamento',
    'letterCountry.referenceLine': 'Ref.ª n.º {reference}',
    'letterCountry.dateLine': '{place}, {date}',
    'letterCountry.dateLineNoPlace': '{date}',
    'letterCountry.toLabel': 'À atenção do(a) Responsável',
    'letterCountry.subjectLabel': 'Assunto:',
    'letterCountry.subject': 'Encaminhamento de uma pessoa — processo {caseCode}',
    'letterCountry.salutation': 'Exmo.(a) Senhor(a),',
    'letterCountry.intro':
      'No âmbito do Mecanismo Nacional de Referência das vítimas de tráfico de pessoas, tenho a honra de encaminhar a V. Ex.ª, para atendimento, a pessoa abaixo identificada.',
    'letterCountry.fact.service': 'Serviço solicitado',
    'letterCountry.closing':
      'Sem outro assunto de momento, apresento os meus melhores cumprimentos.',
    'letterCountry.state.ML': 'REPÚBLICA DO MALI',
    'letterCountry.motto.ML': 'Um Povo – Um Objetivo – Uma Fé',
    'letterCountry.state.MZ': 'REPÚBLICA DE MOÇAMBIQUE',
    'letterCountry.state.SA': 'REINO DA ARÁBIA SAUDITA',
    'letterCountry.state.BH': 'REINO DO BARÉM',
    'letterCountry.state.PK': 'REPÚBLICA ISLÂMICA DO PAQUISTÃO',
  },
  {
    'letterCountry.title': 'خطاب إحالة',
    'letterCountry.referenceLine': 'الرقم: {reference}',
    'letterCountry.dateLine': '{place} في {date}',
    'letterCountry.dateLineNoPlace': 'التاريخ: {date}',
    'letterCountry.toLabel': 'إلى سعادة المسؤول المحترم',
    'letterCountry.subjectLabel': 'الموضوع:',
    'letterCountry.subject': 'إحالة شخص — الملف {caseCode}',
    'letterCountry.salutation': 'تحية طيبة وبعد،',
    'letterCountry.intro':
      'في إطار الآلية الوطنية لإحالة ضحايا الاتجار بالأشخاص، أتشرف بأن أحيل إليكم الشخص المبيّنة بياناته أدناه لتقديم الخدمات اللازمة له.',
    'letterCountry.fact.service': 'الخدمة المطلوبة',
    'letterCountry.closing': 'وتفضلوا بقبول فائق الاحترام والتقدير،',
    'letterCountry.state.ML': 'جمهورية مالي',
    'letterCountry.motto.ML': 'شعب واحد – هدف واحد – إيمان واحد',
    'letterCountry.state.MZ': 'جمهورية موزمبيق',
    'letterCountry.state.SA': 'المملكة العربية السعودية',
    'letterCountry.state.BH': 'مملكة البحرين',
    'letterCountry.state.PK': 'جمهورية باكستان الإسلامية',
  },
);
