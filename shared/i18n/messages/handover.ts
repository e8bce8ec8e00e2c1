import { defineMessages } from '../define';

/** Issue 13 (trust): handing a shelter over to another office (signed act of its owner). */
export const handover = defineMessages(
  {
    'handover.error.self': 'Ce service appartient déjà à ce bureau.',
    'handover.error.notPartner':
      'Ce bureau n’est pas un partenaire de confiance : échangez d’abord vos fichiers d’identité.',
  },
  {
    'handover.error.self': 'This service already belongs to that office.',
    'handover.error.notPartner':
      'That office is not a trusted partner: exchange identity files first.',
  },
  {
    'handover.error.self': 'Este serviço já pertence a esse escritório.',
    'handover.error.notPartner':
      'Esse escritório não é um parceiro de confiança: troquem primeiro os ficheiros de identidade.',
  },
  {
    'handover.error.self': 'هذه الخدمة تابعة لهذا المكتب أصلًا.',
    'handover.error.notPartner': 'هذا المكتب ليس شريكًا موثوقًا: تبادلوا ملفات الهوية أولًا.',
  },
);
