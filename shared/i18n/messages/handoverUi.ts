import { defineMessages } from '../define';

/** Issue 13: the administrator's screen for handing a service over to a partner office. */
export const handoverUi = defineMessages(
  {
    'handoverUi.title': 'Transférer à un bureau partenaire',
    'handoverUi.partner': 'Bureau partenaire',
    'handoverUi.choose': 'Choisir un bureau',
    'handoverUi.noPartner':
      'Aucun bureau partenaire de confiance : importez d’abord sa fiche d’identité (Paramètres).',
    'handoverUi.start': 'Transférer…',
    'handoverUi.confirm':
      '{office} deviendra propriétaire de ce service et de ses lieux à la prochaine synchronisation. Ce bureau ne pourra plus le modifier ensuite. Les modifications enregistrées d’ici là partent avec le transfert, qui ne peut pas être annulé depuis cet écran.',
    'handoverUi.confirmButton': 'Transférer le service',
    'handoverUi.pending':
      'Transfert à {office} en attente : signé, part à la prochaine synchronisation.',
  },
  {
    'handoverUi.title': 'Transfer to a partner office',
    'handoverUi.partner': 'Partner office',
    'handoverUi.choose': 'Choose an office',
    'handoverUi.noPartner': 'No trusted partner office: import its identity file first (Settings).',
    'handoverUi.start': 'Transfer…',
    'handoverUi.confirm':
      '{office} will become the owner of this service and its locations at the next sync. This office can no longer change it after that. Changes saved until then leave with the transfer, which cannot be cancelled from this screen.',
    'handoverUi.confirmButton': 'Transfer the service',
    'handoverUi.pending': 'Transfer to {office} pending: signed, leaves at the next sync.',
  },
  {
    'handoverUi.title': 'Transferir para um escritório parceiro',
    'handoverUi.partner': 'Escritório parceiro',
    'handoverUi.choose': 'Escolher um escritório',
    'handoverUi.noPartner':
      'Nenhum escritório parceiro de confiança: importe primeiro a sua ficha de identidade (Definições).',
    'handoverUi.start': 'Transferir…',
    'handoverUi.confirm':
      '{office} passará a ser o proprietário deste serviço e dos seus locais na próxima sincronização. Este escritório deixará então de o poder alterar. As alterações guardadas até lá seguem com a transferência, que não pode ser anulada neste ecrã.',
    'handoverUi.confirmButton': 'Transferir o serviço',
    'handoverUi.pending':
      'Transferência para {office} pendente: assinada, parte na próxima sincronização.',
  },
  {
    'handoverUi.title': 'النقل إلى مكتب شريك',
    'handoverUi.partner': 'المكتب الشريك',
    'handoverUi.choose': 'اختر مكتبًا',
    'handoverUi.noPartner': 'لا يوجد مكتب شريك موثوق: استورد ملف هويته أولًا (الإعدادات).',
    'handoverUi.start': 'نقل…',
    'handoverUi.confirm':
      'سيصبح {office} مالك هذه الخدمة ومواقعها عند المزامنة القادمة، ولن يتمكن هذا المكتب من تعديلها بعد ذلك. التعديلات المحفوظة حتى ذلك الحين تنتقل مع النقل، ولا يمكن إلغاؤه من هذه الشاشة.',
    'handoverUi.confirmButton': 'نقل الخدمة',
    'handoverUi.pending': 'النقل إلى {office} قيد الانتظار: موقَّع، ويغادر عند المزامنة القادمة.',
  },
);
