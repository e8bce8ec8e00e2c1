import { defineMessages } from '../define';

/** Referrals between offices (sync) and case data sealed at rest. */
export const referralSync = defineMessages(
  {
    'referrals.error.locked':
      'Les données des dossiers sont verrouillées : saisissez votre mot de passe pour les ouvrir.',
    'referrals.error.otherSide':
      'Cette réponse revient à l’autre bureau : le bureau orienteur envoie et retire, le bureau du service destinataire accepte, refuse et clôt.',
    'referrals.error.notOwner':
      'Seul le bureau orienteur modifie cette orientation et son consentement.',
    'referrals.error.changed':
      'L’orientation a changé entre-temps (autre fenêtre ou synchronisation) : réessayez.',
    'referrals.detail.receiving': 'Bureau qui répond',
    'referrals.detail.fromOffice':
      'Orientation reçue du bureau {office} : vous pouvez l’accepter, la refuser ou la clore.',
    'referrals.detail.toOffice':
      'Le bureau {office} répond pour ce service : son acceptation ou son refus arrivera par la synchronisation.',
    'referrals.event.withoutEffect': 'sans effet',
    'referrals.event.office': 'bureau {office}',
    'referrals.sync.locked':
      'Des orientations attendent d’être synchronisées : elles le seront quand les données des dossiers seront ouvertes (reconnectez-vous).',
  },
  {
    'referrals.error.locked': 'Case data is locked: enter your password to open it.',
    'referrals.error.otherSide':
      'This answer belongs to the other office: the referring office sends and withdraws, the receiving service’s office accepts, declines and completes.',
    'referrals.error.notOwner': 'Only the referring office changes this referral and its consent.',
    'referrals.error.changed':
      'The referral changed in the meantime (another window or a sync): try again.',
    'referrals.detail.receiving': 'Answering office',
    'referrals.detail.fromOffice':
      'Referral received from office {office}: you may accept, decline or complete it.',
    'referrals.detail.toOffice':
      'Office {office} answers for this service: its acceptance or refusal will arrive by sync.',
    'referrals.event.withoutEffect': 'without effect',
    'referrals.event.office': 'office {office}',
    'referrals.sync.locked':
      'Referrals are waiting to be synced: they will be once case data is unlocked (log in again).',
  },
  {
    'referrals.error.locked':
      'Os dados dos processos estão bloqueados: introduza a sua palavra-passe para os abrir.',
    'referrals.error.otherSide':
      'Esta resposta cabe ao outro escritório: o escritório que encaminha envia e retira, o escritório do serviço de destino aceita, recusa e encerra.',
    'referrals.error.notOwner':
      'Só o escritório que encaminha altera este encaminhamento e o seu consentimento.',
    'referrals.error.changed':
      'O encaminhamento mudou entretanto (outra janela ou sincronização): tente de novo.',
    'referrals.detail.receiving': 'Escritório que responde',
    'referrals.detail.fromOffice':
      'Encaminhamento recebido do escritório {office}: pode aceitá-lo, recusá-lo ou encerrá-lo.',
    'referrals.detail.toOffice':
      'O escritório {office} responde por este serviço: a aceitação ou recusa chegará pela sincronização.',
    'referrals.event.withoutEffect': 'sem efeito',
    'referrals.event.office': 'escritório {office}',
    'referrals.sync.locked':
      'Há encaminhamentos à espera de sincronização: serão sincronizados quando os dados dos processos forem desbloqueados (volte a iniciar sessão).',
  },
  {
    'referrals.error.locked': 'بيانات ملفات الحالات مقفلة: أدخل كلمة المرور لفتحها.',
    'referrals.error.otherSide':
      'هذا الرد من اختصاص المكتب الآخر: المكتب المُحيل يرسل الإحالة ويسحبها، ومكتب الخدمة المستقبِلة يقبلها أو يرفضها أو يغلقها.',
    'referrals.error.notOwner': 'لا يعدّل هذه الإحالة وموافقتها إلا المكتب المُحيل.',
    'referrals.error.changed': 'تغيّرت الإحالة في الأثناء (نافذة أخرى أو مزامنة): أعد المحاولة.',
    'referrals.detail.receiving': 'المكتب المجيب',
    'referrals.detail.fromOffice':
      'إحالة واردة من المكتب {office}: يمكنك قبولها أو رفضها أو إغلاقها.',
    'referrals.detail.toOffice':
      'يجيب المكتب {office} عن هذه الخدمة: سيصل قبوله أو رفضه عبر المزامنة.',
    'referrals.event.withoutEffect': 'دون أثر',
    'referrals.event.office': 'المكتب {office}',
    'referrals.sync.locked':
      'توجد إحالات بانتظار المزامنة: ستُزامن عند فتح بيانات ملفات الحالات (سجّل الدخول من جديد).',
  },
);
