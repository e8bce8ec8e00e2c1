import { defineMessages } from '../define';

/**
 * A save that kept meeting a newer version of the record (a sync or another desk writing it
 * at the same moment): nothing was saved, and the user is told so, not that the record is gone.
 */
export const saveConflict = defineMessages(
  {
    'validation.changedMeanwhile':
      'Cette fiche a été modifiée ailleurs pendant l’enregistrement (synchronisation en cours ?). Rien n’a été enregistré : réessayez.',
  },
  {
    'validation.changedMeanwhile':
      'This record was changed elsewhere while saving (a sync in progress?). Nothing was saved: try again.',
  },
  {
    'validation.changedMeanwhile':
      'Esta ficha foi alterada noutro lugar durante a gravação (sincronização em curso?). Nada foi gravado: tente de novo.',
  },
  {
    'validation.changedMeanwhile':
      'عُدِّل هذا السجل في مكان آخر أثناء الحفظ (هل المزامنة جارية؟). لم يُحفظ شيء: حاول مرة أخرى.',
  },
);
