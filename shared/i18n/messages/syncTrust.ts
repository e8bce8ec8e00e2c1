import { defineMessages } from '../define';

/**
 * Sync against a hostile partner (issue 13): refusals of usurped, replayed or oversized data,
 * and audit heads that partners saw and that no longer match.
 */
export const syncTrust = defineMessages(
  {
    'sync.reason.tooLarge':
      'le contenu du paquet dépasse la taille permise une fois décompressé (paquet piégé).',
    'sync.reason.ownerChanged':
      'change le bureau propriétaire d’une fiche qui appartient à un autre bureau',
    'sync.reason.rollback': 'version plus ancienne que celle déjà reçue (rejeu)',
    'sync.reason.forked': 'version concurrente de celle déjà reçue, sans conflit déclaré',
    'audit.witness.title':
      'Ce que les bureaux partenaires ont vu de ce journal ne correspond plus au journal actuel :',
    'audit.witness.rewritten':
      'entrée n° {seq} vue avec un autre contenu (journal réécrit) par le bureau',
    'audit.witness.truncated':
      'entrée n° {seq} vue, absente aujourd’hui (journal tronqué), par le bureau',
    'audit.witness.peerRewritten': 'journal réécrit à l’entrée n° {seq} chez le bureau',
    'audit.witness.peerTruncated': 'journal revenu en arrière de l’entrée n° {seq} chez le bureau',
  },
  {
    'sync.reason.tooLarge':
      'the bundle’s content exceeds the allowed size once decompressed (a booby-trapped bundle).',
    'sync.reason.ownerChanged': 'changes the owning office of a record another office owns',
    'sync.reason.rollback': 'older than the version already received (replay)',
    'sync.reason.forked': 'competes with the version already received, without a declared conflict',
    'audit.witness.title':
      'What partner offices saw of this audit trail no longer matches the trail as it stands:',
    'audit.witness.rewritten':
      'entry no. {seq} seen with other content (trail rewritten) by office',
    'audit.witness.truncated': 'entry no. {seq} seen, now missing (trail truncated), by office',
    'audit.witness.peerRewritten': 'trail rewritten at entry no. {seq} at office',
    'audit.witness.peerTruncated': 'trail went back from entry no. {seq} at office',
  },
  {
    'sync.reason.tooLarge':
      'o conteúdo do pacote excede o tamanho permitido depois de descomprimido (pacote armadilhado).',
    'sync.reason.ownerChanged':
      'muda o escritório proprietário de uma ficha que pertence a outro escritório',
    'sync.reason.rollback': 'versão mais antiga do que a já recebida (reenvio)',
    'sync.reason.forked': 'versão concorrente da já recebida, sem conflito declarado',
    'audit.witness.title':
      'O que os escritórios parceiros viram deste registo já não corresponde ao registo actual:',
    'audit.witness.rewritten':
      'entrada n.º {seq} vista com outro conteúdo (registo reescrito) pelo escritório',
    'audit.witness.truncated':
      'entrada n.º {seq} vista, hoje ausente (registo truncado), pelo escritório',
    'audit.witness.peerRewritten': 'registo reescrito na entrada n.º {seq} no escritório',
    'audit.witness.peerTruncated': 'registo recuou a partir da entrada n.º {seq} no escritório',
  },
  {
    'sync.reason.tooLarge': 'يتجاوز محتوى الحزمة الحجم المسموح به بعد فك الضغط (حزمة مفخخة).',
    'sync.reason.ownerChanged': 'يغيّر المكتب المالك لسجل يملكه مكتب آخر',
    'sync.reason.rollback': 'نسخة أقدم من النسخة المستلمة من قبل (إعادة إرسال)',
    'sync.reason.forked': 'نسخة منافسة للنسخة المستلمة من قبل، دون تعارض مُعلن',
    'audit.witness.title': 'ما رأته المكاتب الشريكة من هذا السجل لم يعد يطابق السجل الحالي:',
    'audit.witness.rewritten': 'القيد رقم {seq} شوهد بمحتوى آخر (أُعيدت كتابة السجل) لدى المكتب',
    'audit.witness.truncated': 'القيد رقم {seq} شوهد وهو مفقود الآن (اقتُطع السجل) لدى المكتب',
    'audit.witness.peerRewritten': 'أُعيدت كتابة السجل عند القيد رقم {seq} لدى المكتب',
    'audit.witness.peerTruncated': 'تراجع السجل عن القيد رقم {seq} لدى المكتب',
  },
);
