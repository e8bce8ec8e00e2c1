import { defineMessages } from '../define';

/** Sync against a hostile partner (issue 13): refusals of usurped, replayed or oversized data. */
export const syncTrust = defineMessages(
  {
    'sync.reason.tooLarge':
      'le contenu du paquet dépasse la taille permise une fois décompressé (paquet piégé).',
    'sync.reason.ownerChanged':
      'change le bureau propriétaire d’une fiche qui appartient à un autre bureau',
    'sync.reason.rollback': 'version plus ancienne que celle déjà reçue (rejeu)',
    'sync.reason.forked': 'version concurrente de celle déjà reçue, sans conflit déclaré',
  },
  {
    'sync.reason.tooLarge':
      'the bundle’s content exceeds the allowed size once decompressed (a booby-trapped bundle).',
    'sync.reason.ownerChanged': 'changes the owning office of a record another office owns',
    'sync.reason.rollback': 'older than the version already received (replay)',
    'sync.reason.forked': 'competes with the version already received, without a declared conflict',
  },
  {
    'sync.reason.tooLarge':
      'o conteúdo do pacote excede o tamanho permitido depois de descomprimido (pacote armadilhado).',
    'sync.reason.ownerChanged':
      'muda o escritório proprietário de uma ficha que pertence a outro escritório',
    'sync.reason.rollback': 'versão mais antiga do que a já recebida (reenvio)',
    'sync.reason.forked': 'versão concorrente da já recebida, sem conflito declarado',
  },
  {
    'sync.reason.tooLarge': 'يتجاوز محتوى الحزمة الحجم المسموح به بعد فك الضغط (حزمة مفخخة).',
    'sync.reason.ownerChanged': 'يغيّر المكتب المالك لسجل يملكه مكتب آخر',
    'sync.reason.rollback': 'نسخة أقدم من النسخة المستلمة من قبل (إعادة إرسال)',
    'sync.reason.forked': 'نسخة منافسة للنسخة المستلمة من قبل، دون تعارض مُعلن',
  },
);
