import { defineMessages } from '../define';

/** Survey exports (KoBo / ODK) as referral drafts, and fixes applied from the import report (issue 17). */
export const importSurvey = defineMessages(
  {
    'importSurvey.title': 'Export d’enquête : formulaire HTCDS',
    'importSurvey.intro':
      'Ce fichier est un export KoBoToolbox ou ODK Central du formulaire HTCDS. Chaque soumission devient un brouillon de référencement avec son propre code de dossier ; un coordinateur complète chaque brouillon (consentement, besoins) avant tout envoi. Les champs du dossier sont chiffrés comme tous les autres.',
    'importSurvey.personal':
      'Jamais conservées, car elles identifient la personne (un nom ne se garde qu’avec un consentement, à enregistrer sur chaque référencement) : {columns}',
    'importSurvey.ignored': 'Questions sans champ de dossier, non importées : {columns}',
    'importSurvey.forAll': 'Ce que le formulaire ne demande pas, choisi pour tous les brouillons',
    'importSurvey.service': 'Service destinataire',
    'importSurvey.chooseService': 'Choisir un service…',
    'importSurvey.needs': 'Besoins',
    'importSurvey.needsOther': 'Autre besoin, précisez',
    'importSurvey.urgency': 'Urgence',
    'importSurvey.check': 'Vérifier l’export',
    'importSurvey.summary':
      '{read} soumissions lues : {valid} brouillons prêts, {rejected} refusées, {warnings} avertissements. Rien n’est encore enregistré.',
    'importSurvey.confirm': 'Créer les brouillons ({count})',
    'importSurvey.done':
      'Brouillons créés : {created} ; mis à jour : {updated} ; laissés tels quels (déjà envoyés ou inchangés) : {kept}. Complétez-les dans Orientations.',
    'importSurvey.refused': 'Ligne {row} : {reason}',
    'importSurvey.accepted': 'Valeurs acceptées : {allowed}',
    'importSurvey.issue.consent':
      'Consentement « oui » dans l’enquête : il n’est pas repris tel quel ; enregistrez-le sur le référencement (destinataire, date, forme).',
    'importSurvey.issue.country':
      'Code pays non reconnu : deux lettres ISO 3166-1 attendues (par exemple ML).',
    'importSurvey.issue.birthdate': 'Date de naissance illisible : tranche d’âge « inconnue ».',
    'importSurvey.issue.noUuid':
      'Pas d’identifiant de soumission (_uuid) : importer à nouveau ce fichier créerait un second brouillon.',
    'importSurvey.issue.sameSubmission':
      'Même soumission que la ligne {fix} : importée une seule fois.',
    'importSurvey.issue.choiceCell':
      'Colonne par choix illisible : 1 ou 0 attendu (coché ou non ; aussi « True »/« False » ou le libellé du choix).',
    'importSurvey.issue.splitDisagrees':
      'Ne concorde pas avec les colonnes par choix, qui cochent : {fix}. Corrigez l’export ou exportez à nouveau avec une seule des deux formes.',
    'importSurvey.issue.splitNone':
      'Ne concorde pas avec les colonnes par choix ({fix}), qui ne cochent rien. Corrigez l’export ou exportez à nouveau avec une seule des deux formes.',
    'importSurvey.fix.swap': 'Inverser latitude et longitude',
    'importSurvey.fix.swapRow': 'Inverser latitude et longitude, ligne {row}',
    'importSurvey.fix.swapAll': 'Inverser pour les {count} lignes',
    'importSurvey.fix.category': 'Catégorie pour ces lignes',
    'importSurvey.fix.categoryAll': 'Choisir pour les {count} lignes',
    'importSurvey.fix.applied': 'Correction appliquée : {count} lignes.',
  },
  {
    'importSurvey.title': 'Survey export: HTCDS form',
    'importSurvey.intro':
      'This file is a KoBoToolbox or ODK Central export of the HTCDS form. Each submission becomes a draft referral with its own case code; a coordinator completes each draft (consent, needs) before anything is sent. Case fields are encrypted like all others.',
    'importSurvey.personal':
      'Never kept, as they identify the person (a name is kept only under a consent, recorded on each referral): {columns}',
    'importSurvey.ignored': 'Questions with no case field, not imported: {columns}',
    'importSurvey.forAll': 'What the form does not ask, chosen for every draft',
    'importSurvey.service': 'Receiving service',
    'importSurvey.chooseService': 'Choose a service…',
    'importSurvey.needs': 'Needs',
    'importSurvey.needsOther': 'Other need, specify',
    'importSurvey.urgency': 'Urgency',
    'importSurvey.check': 'Check the export',
    'importSurvey.summary':
      '{read} submissions read: {valid} drafts ready, {rejected} refused, {warnings} warnings. Nothing saved yet.',
    'importSurvey.confirm': 'Create the drafts ({count})',
    'importSurvey.done':
      'Drafts created: {created}; updated: {updated}; left as they were (already sent or unchanged): {kept}. Complete them in Referrals.',
    'importSurvey.refused': 'Row {row}: {reason}',
    'importSurvey.accepted': 'Accepted values: {allowed}',
    'importSurvey.issue.consent':
      'Consent “yes” in the survey: not taken as is; record it on the referral (recipient, date, method).',
    'importSurvey.issue.country':
      'Country code not recognised: two ISO 3166-1 letters expected (for example ML).',
    'importSurvey.issue.birthdate': 'Unreadable birth date: age band “unknown”.',
    'importSurvey.issue.noUuid':
      'No submission id (_uuid): importing this file again would create a second draft.',
    'importSurvey.issue.sameSubmission': 'Same submission as row {fix}: imported once.',
    'importSurvey.issue.choiceCell':
      'Unreadable column per choice: 1 or 0 expected (selected or not; also “True”/“False” or the choice’s label).',
    'importSurvey.issue.splitDisagrees':
      'Does not agree with the columns per choice, which select: {fix}. Correct the export, or export again in only one of the two forms.',
    'importSurvey.issue.splitNone':
      'Does not agree with the columns per choice ({fix}), which select nothing. Correct the export, or export again in only one of the two forms.',
    'importSurvey.fix.swap': 'Swap latitude and longitude',
    'importSurvey.fix.swapRow': 'Swap latitude and longitude, row {row}',
    'importSurvey.fix.swapAll': 'Swap for all {count} rows',
    'importSurvey.fix.category': 'Category for these rows',
    'importSurvey.fix.categoryAll': 'Choose for all {count} rows',
    'importSurvey.fix.applied': 'Fix applied: {count} rows.',
  },
  {
    'importSurvey.title': 'Exportação de inquérito: formulário HTCDS',
    'importSurvey.intro':
      'Este ficheiro é uma exportação KoBoToolbox ou ODK Central do formulário HTCDS. Cada submissão torna-se um rascunho de encaminhamento com o seu próprio código de processo; um coordenador completa cada rascunho (consentimento, necessidades) antes de qualquer envio. Os campos do processo são cifrados como todos os outros.',
    'importSurvey.personal':
      'Nunca guardadas, pois identificam a pessoa (um nome só se guarda com um consentimento, a registar em cada encaminhamento): {columns}',
    'importSurvey.ignored': 'Perguntas sem campo de processo, não importadas: {columns}',
    'importSurvey.forAll': 'O que o formulário não pergunta, escolhido para todos os rascunhos',
    'importSurvey.service': 'Serviço de destino',
    'importSurvey.chooseService': 'Escolher um serviço…',
    'importSurvey.needs': 'Necessidades',
    'importSurvey.needsOther': 'Outra necessidade, especifique',
    'importSurvey.urgency': 'Urgência',
    'importSurvey.check': 'Verificar a exportação',
    'importSurvey.summary':
      '{read} submissões lidas: {valid} rascunhos prontos, {rejected} recusadas, {warnings} avisos. Nada foi guardado ainda.',
    'importSurvey.confirm': 'Criar os rascunhos ({count})',
    'importSurvey.done':
      'Rascunhos criados: {created}; atualizados: {updated}; deixados como estavam (já enviados ou sem alteração): {kept}. Complete-os em Encaminhamentos.',
    'importSurvey.refused': 'Linha {row}: {reason}',
    'importSurvey.accepted': 'Valores aceites: {allowed}',
    'importSurvey.issue.consent':
      'Consentimento «sim» no inquérito: não é retomado tal como está; registe-o no encaminhamento (destinatário, data, forma).',
    'importSurvey.issue.country':
      'Código de país não reconhecido: esperam-se duas letras ISO 3166-1 (por exemplo ML).',
    'importSurvey.issue.birthdate': 'Data de nascimento ilegível: faixa etária «desconhecida».',
    'importSurvey.issue.noUuid':
      'Sem identificador de submissão (_uuid): importar de novo este ficheiro criaria um segundo rascunho.',
    'importSurvey.issue.sameSubmission': 'Mesma submissão que a linha {fix}: importada uma só vez.',
    'importSurvey.issue.choiceCell':
      'Coluna por opção ilegível: espera-se 1 ou 0 (marcada ou não; também «True»/«False» ou o rótulo da opção).',
    'importSurvey.issue.splitDisagrees':
      'Não coincide com as colunas por opção, que marcam: {fix}. Corrija a exportação ou exporte de novo numa só das duas formas.',
    'importSurvey.issue.splitNone':
      'Não coincide com as colunas por opção ({fix}), que não marcam nada. Corrija a exportação ou exporte de novo numa só das duas formas.',
    'importSurvey.fix.swap': 'Trocar latitude e longitude',
    'importSurvey.fix.swapRow': 'Trocar latitude e longitude, linha {row}',
    'importSurvey.fix.swapAll': 'Trocar nas {count} linhas',
    'importSurvey.fix.category': 'Categoria para estas linhas',
    'importSurvey.fix.categoryAll': 'Escolher para as {count} linhas',
    'importSurvey.fix.applied': 'Correção aplicada: {count} linhas.',
  },
  {
    'importSurvey.title': 'تصدير استبيان: استمارة HTCDS',
    'importSurvey.intro':
      'هذا الملف تصدير من KoBoToolbox أو ODK Central لاستمارة HTCDS. تصبح كل إجابة مسودة إحالة برمز ملف خاص بها؛ ويستكمل المنسق كل مسودة (الموافقة، الاحتياجات) قبل أي إرسال. تُشفَّر حقول الملف مثل سائر الحقول.',
    'importSurvey.personal':
      'لا تُحفَظ أبدًا لأنها تكشف هوية الشخص (لا يُحفَظ الاسم إلا بموافقة تُسجَّل على كل إحالة): {columns}',
    'importSurvey.ignored': 'أسئلة بلا حقل في الملف، لم تُستورَد: {columns}',
    'importSurvey.forAll': 'ما لا تسأل عنه الاستمارة، يُختار لكل المسودات',
    'importSurvey.service': 'الخدمة المستقبِلة',
    'importSurvey.chooseService': 'اختر خدمة…',
    'importSurvey.needs': 'الاحتياجات',
    'importSurvey.needsOther': 'حاجة أخرى، حدِّدها',
    'importSurvey.urgency': 'درجة الاستعجال',
    'importSurvey.check': 'تحقّق من التصدير',
    'importSurvey.summary':
      'قُرئت {read} إجابة: {valid} مسودة جاهزة، {rejected} مرفوضة، {warnings} تنبيه. لم يُحفَظ شيء بعد.',
    'importSurvey.confirm': 'أنشئ المسودات ({count})',
    'importSurvey.done':
      'مسودات أُنشئت: {created}؛ حُدِّثت: {updated}؛ تُركت كما هي (مرسلة أو بلا تغيير): {kept}. استكملها في الإحالات.',
    'importSurvey.refused': 'السطر {row}: {reason}',
    'importSurvey.accepted': 'القيم المقبولة: {allowed}',
    'importSurvey.issue.consent':
      'موافقة «نعم» في الاستبيان: لا تؤخذ كما هي؛ سجِّلها على الإحالة (الجهة المستقبِلة، التاريخ، الطريقة).',
    'importSurvey.issue.country': 'رمز البلد غير معروف: المتوقع حرفان وفق ISO 3166-1 (مثل ML).',
    'importSurvey.issue.birthdate': 'تاريخ الميلاد غير مقروء: الفئة العمرية «غير معروفة».',
    'importSurvey.issue.noUuid':
      'لا يوجد معرّف للإجابة (_uuid): إعادة استيراد هذا الملف ستُنشئ مسودة ثانية.',
    'importSurvey.issue.sameSubmission': 'الإجابة نفسها في السطر {fix}: تُستورَد مرة واحدة.',
    'importSurvey.issue.choiceCell':
      'عمود الخيار غير مقروء: المتوقع 1 أو 0 (مختار أو لا؛ أو «True»/«False» أو تسمية الخيار).',
    'importSurvey.issue.splitDisagrees':
      'لا يتطابق مع أعمدة الخيارات، التي تختار: {fix}. صحِّح التصدير أو أعد التصدير بإحدى الصيغتين فقط.',
    'importSurvey.issue.splitNone':
      'لا يتطابق مع أعمدة الخيارات ({fix})، التي لا تختار شيئًا. صحِّح التصدير أو أعد التصدير بإحدى الصيغتين فقط.',
    'importSurvey.fix.swap': 'بدِّل خط العرض وخط الطول',
    'importSurvey.fix.swapRow': 'بدِّل خط العرض وخط الطول، السطر {row}',
    'importSurvey.fix.swapAll': 'بدِّل في كل الأسطر ({count})',
    'importSurvey.fix.category': 'الفئة لهذه الأسطر',
    'importSurvey.fix.categoryAll': 'اختر لكل الأسطر ({count})',
    'importSurvey.fix.applied': 'طُبِّق التصحيح: {count} سطرًا.',
  },
);
