/** The import's write in batches (issue 17): its progress bar, Cancel, and a refused message. */
import { defineMessages } from '../define';

export const importStream = defineMessages(
  {
    'importStream.writing': 'Enregistrement : {done, number} sur {total, number} services',
    'importStream.writingLabel': 'Progression de l’enregistrement',
    'importStream.committing': 'Dernière étape : validation de l’enregistrement…',
    'importStream.cancelHint':
      'Annuler ne laisse rien : aucune ligne de ce fichier ne sera enregistrée.',
    'importStream.cancelWrite': 'Annuler l’enregistrement',
    'exchange.error.badMessage':
      'Message interne refusé (champ {field}) : il ne respecte pas le format attendu. Rien n’a été modifié.',
  },
  {
    'importStream.writing': 'Saving: {done, number} of {total, number} services',
    'importStream.writingLabel': 'Saving progress',
    'importStream.committing': 'Last step: committing the save…',
    'importStream.cancelHint': 'Cancel leaves nothing: no row of this file will be saved.',
    'importStream.cancelWrite': 'Cancel saving',
    'exchange.error.badMessage':
      'Internal message refused (field {field}): it does not have the expected form. Nothing was changed.',
  },
  {
    'importStream.writing': 'A gravar: {done, number} de {total, number} serviços',
    'importStream.writingLabel': 'Progresso da gravação',
    'importStream.committing': 'Último passo: a confirmar a gravação…',
    'importStream.cancelHint':
      'Cancelar não deixa nada: nenhuma linha deste ficheiro será gravada.',
    'importStream.cancelWrite': 'Cancelar a gravação',
    'exchange.error.badMessage':
      'Mensagem interna recusada (campo {field}): não tem a forma esperada. Nada foi alterado.',
  },
  {
    'importStream.writing': 'جارٍ الحفظ: {done, number} من {total, number} خدمة',
    'importStream.writingLabel': 'تقدّم الحفظ',
    'importStream.committing': 'الخطوة الأخيرة: تأكيد الحفظ…',
    'importStream.cancelHint': 'الإلغاء لا يترك شيئًا: لن يُحفظ أي سطر من هذا الملف.',
    'importStream.cancelWrite': 'إلغاء الحفظ',
    'exchange.error.badMessage':
      'رُفضت رسالة داخلية (الحقل {field}): شكلها غير المتوقع. لم يتغير شيء.',
  },
);
