/** The import's write in batches (issue 17): its progress bar and Cancel. */
import { defineMessages } from '../define';

export const importStream = defineMessages(
  {
    'importStream.writing': 'Enregistrement : {done, number} sur {total, number} services',
    'importStream.writingLabel': 'Progression de l’enregistrement',
    'importStream.committing': 'Dernière étape : validation de l’enregistrement…',
    'importStream.cancelHint':
      'Annuler ne laisse rien : aucune ligne de ce fichier ne sera enregistrée.',
    'importStream.cancelWrite': 'Annuler l’enregistrement',
  },
  {
    'importStream.writing': 'Saving: {done, number} of {total, number} services',
    'importStream.writingLabel': 'Saving progress',
    'importStream.committing': 'Last step: committing the save…',
    'importStream.cancelHint': 'Cancel leaves nothing: no row of this file will be saved.',
    'importStream.cancelWrite': 'Cancel saving',
  },
  {
    'importStream.writing': 'A gravar: {done, number} de {total, number} serviços',
    'importStream.writingLabel': 'Progresso da gravação',
    'importStream.committing': 'Último passo: a confirmar a gravação…',
    'importStream.cancelHint':
      'Cancelar não deixa nada: nenhuma linha deste ficheiro será gravada.',
    'importStream.cancelWrite': 'Cancelar a gravação',
  },
  {
    'importStream.writing': 'جارٍ الحفظ: {done, number} من {total, number} خدمة',
    'importStream.writingLabel': 'تقدّم الحفظ',
    'importStream.committing': 'الخطوة الأخيرة: تأكيد الحفظ…',
    'importStream.cancelHint': 'الإلغاء لا يترك شيئًا: لن يُحفظ أي سطر من هذا الملف.',
    'importStream.cancelWrite': 'إلغاء الحفظ',
  },
);
