/**
 * The wording of the official referral letter, in the register of an administrative letter
 * from a ministry or a national referral committee. Resolved into the letter's model when it
 * is issued (shared/domain/letters/build.ts), so a later change of wording never alters a
 * letter already issued.
 */
import { defineMessages } from '../define';

export const letterTemplates = defineMessages(
  {
    'letter.title': 'Lettre d’orientation',
    'letter.confidential': 'CONFIDENTIEL',
    'letter.referenceLine': 'N° {reference}',
    'letter.dateLine': '{place}, le {date}',
    'letter.dateLineNoPlace': 'Le {date}',
    'letter.toLabel': 'À l’attention de Madame, Monsieur le Responsable',
    'letter.subjectLabel': 'Objet :',
    'letter.subject': 'Orientation d’une personne vers vos services — dossier {caseCode}',
    'letter.urgencyLabel': 'Urgence :',
    'letter.urgency': '{delay}, au plus tard le {due}',
    'letter.urgency.24h': 'réponse attendue sous 24 heures',
    'letter.urgency.72h': 'réponse attendue sous 72 heures',
    'letter.urgency.2w': 'réponse attendue sous deux semaines',
    'letter.salutation': 'Madame, Monsieur,',
    'letter.intro':
      'Dans le cadre du Mécanisme national de référencement des victimes de la traite des personnes, j’ai l’honneur de vous adresser la personne désignée ci-dessous, afin qu’elle bénéficie des services de {service}.',
    'letter.fact.caseCode': 'Code du dossier',
    'letter.fact.person': 'Personne orientée',
    'letter.fact.personWithheld': 'Non communiquée : rappelez le code du dossier',
    'letter.fact.services': 'Services demandés',
    'letter.fact.languages': 'Langues parlées',
    'letter.fact.gender': 'Sexe / genre',
    'letter.fact.ageBand': 'Tranche d’âge',
    'letter.fact.citizenship': 'Nationalité',
    'letter.fact.traffickingStatus': 'Statut au regard de la traite',
    'letter.fact.exploitationTypes': 'Forme d’exploitation',
    'letter.fact.reason': 'Motif de l’orientation',
    'letter.fact.details': 'Informations utiles à la prise en charge',
    'letter.fact.notSpecified': 'Non précisé',
    'letter.consentLabel': 'Consentement :',
    'letter.consent.given':
      'la personne a donné son consentement {method} le {date} à son orientation vers {recipient} et à la communication des seules informations figurant dans la présente lettre.',
    'letter.consent.nameShared': 'Elle a accepté que son nom vous soit communiqué.',
    'letter.consent.nameWithheld': 'Son identité ne vous est pas communiquée.',
    'letter.consent.override':
      'la présente orientation vous est adressée sans le consentement de la personne, sur décision motivée de {by} en date du {date} : « {reason} ». Seules les informations strictement nécessaires vous sont communiquées.',
    'letter.consentMethod.written': 'par écrit',
    'letter.consentMethod.oral': 'oralement, devant témoin',
    'letter.consentMethod.guardian': 'par l’intermédiaire de son représentant légal',
    'letter.consentMethod.other': 'sous une forme consignée au dossier',
    'letter.request':
      'Je vous saurais gré de bien vouloir accuser réception de la présente et me faire connaître votre décision au plus tard le {due}. Si vous ne pouvez pas accueillir la personne, je vous remercie d’en indiquer le motif, afin qu’elle puisse être orientée sans délai vers un autre service.',
    'letter.contactLabel': 'Personne à contacter :',
    'letter.phone': 'Tél. {phone}',
    'letter.email': 'Courriel : {email}',
    'letter.notice':
      'Les informations contenues dans la présente lettre sont confidentielles. Elles ne peuvent être utilisées qu’aux fins de la prise en charge de la personne et ne doivent être communiquées à aucun tiers.',
    'letter.closing':
      'Je vous prie d’agréer, Madame, Monsieur, l’expression de ma considération distinguée.',
    'letter.stamp': 'Cachet',
  },
  {
    'letter.title': 'Referral letter',
    'letter.confidential': 'CONFIDENTIAL',
    'letter.referenceLine': 'Ref. {reference}',
    'letter.dateLine': '{place}, {date}',
    'letter.dateLineNoPlace': '{date}',
    'letter.toLabel': 'For the attention of the Head of Service',
    'letter.subjectLabel': 'Subject:',
    'letter.subject': 'Referral of a person to your services — case {caseCode}',
    'letter.urgencyLabel': 'Urgency:',
    'letter.urgency': '{delay}, by {due} at the latest',
    'letter.urgency.24h': 'answer expected within 24 hours',
    'letter.urgency.72h': 'answer expected within 72 hours',
    'letter.urgency.2w': 'answer expected within two weeks',
    'letter.salutation': 'Dear Sir or Madam,',
    'letter.intro':
      'Within the framework of the National Referral Mechanism for victims of trafficking in persons, I have the honour to refer to you the person identified below, so that they may receive the services of {service}.',
    'letter.fact.caseCode': 'Case code',
    'letter.fact.person': 'Person referred',
    'letter.fact.personWithheld': 'Withheld: please quote the case code',
    'letter.fact.services': 'Services requested',
    'letter.fact.languages': 'Languages spoken',
    'letter.fact.gender': 'Sex / gender',
    'letter.fact.ageBand': 'Age band',
    'letter.fact.citizenship': 'Citizenship',
    'letter.fact.traffickingStatus': 'Trafficking status',
    'letter.fact.exploitationTypes': 'Type of exploitation',
    'letter.fact.reason': 'Reason for referral',
    'letter.fact.details': 'Information for the care of the person',
    'letter.fact.notSpecified': 'Not specified',
    'letter.consentLabel': 'Consent:',
    'letter.consent.given':
      'the person gave their consent {method} on {date} to being referred to {recipient} and to the sharing of the information in this letter only.',
    'letter.consent.nameShared': 'They agreed that their name be given to you.',
    'letter.consent.nameWithheld': 'Their identity is not disclosed to you.',
    'letter.consent.override':
      'this referral is made to you without the person’s consent, by reasoned decision of {by} dated {date}: “{reason}”. Only the information strictly necessary is shared with you.',
    'letter.consentMethod.written': 'in writing',
    'letter.consentMethod.oral': 'orally, before a witness',
    'letter.consentMethod.guardian': 'through their legal representative',
    'letter.consentMethod.other': 'in a form recorded in the case file',
    'letter.request':
      'I should be grateful if you would acknowledge receipt of this letter and inform me of your decision by {due} at the latest. Should you be unable to receive the person, please state the reason, so that they can be referred to another service without delay.',
    'letter.contactLabel': 'Contact person:',
    'letter.phone': 'Tel. {phone}',
    'letter.email': 'Email: {email}',
    'letter.notice':
      'The information in this letter is confidential. It may be used only for the care of the person and must not be disclosed to any third party.',
    'letter.closing': 'Yours faithfully,',
    'letter.stamp': 'Official stamp',
  },
);
