import { defineMessages } from '../define';

/** Automatic daily backups (issue 6), in Settings. */
export const autoBackup = defineMessages(
  {
    'autoBackup.title': 'Sauvegarde automatique',
    'autoBackup.intro':
      'Chaque jour, Passerelle enregistre une sauvegarde chiffrée de toute la base dans le dossier de l’application sur cet ordinateur, et garde les plus récentes. Copiez-les de temps en temps ailleurs : un disque qui lâche les emporte avec lui.',
    'autoBackup.webOnly':
      'Les sauvegardes automatiques se font dans l’application de bureau seulement : un navigateur n’a pas de dossier où les enregistrer. Ici, faites des sauvegardes à la main (Échanges → Sauvegarde).',
    'autoBackup.enabled': 'Sauvegarder automatiquement chaque jour',
    'autoBackup.keep': 'Sauvegardes à garder',
    'autoBackup.keepHint': 'De 1 à 60 ; au-delà, les plus anciennes sont supprimées.',
    'autoBackup.passphrase': 'Phrase de passe des sauvegardes',
    'autoBackup.passphraseConfirm': 'Confirmez la phrase de passe',
    'autoBackup.passphraseHint':
      'Au moins {min} caractères. Gardée chiffrée avec la clé des données de ce poste. Notez-la à part : sans elle, aucune sauvegarde ne peut être restaurée.',
    'autoBackup.passphraseSet':
      'Une phrase de passe est enregistrée ; laissez ces champs vides pour la garder.',
    'autoBackup.save': 'Enregistrer la sauvegarde automatique',
    'autoBackup.saved': 'Réglages de sauvegarde automatique enregistrés.',
    'autoBackup.now': 'Sauvegarder maintenant',
    'autoBackup.working': 'Sauvegarde en cours…',
    'autoBackup.done': 'Sauvegarde enregistrée : {name}.',
    'autoBackup.last': 'Dernière sauvegarde automatique : {date}.',
    'autoBackup.never': 'Aucune sauvegarde automatique pour l’instant.',
    'autoBackup.files': 'Fichiers dans le dossier de l’application',
    'autoBackup.filesEmpty': 'Aucun fichier de sauvegarde.',
    'autoBackup.fileSize': '{size} Ko',
    'autoBackup.locked':
      'La clé des données n’est pas déverrouillée : reconnectez-vous pour changer la phrase de passe ou sauvegarder.',
    'autoBackup.error.keep': 'Le nombre de sauvegardes va de 1 à 60.',
    'autoBackup.error.passphraseShort':
      'La phrase de passe doit compter au moins {min} caractères.',
    'autoBackup.error.passphraseMissing':
      'Choisissez une phrase de passe pour activer la sauvegarde automatique.',
    'autoBackup.error.noKey': 'La clé des données n’est pas déverrouillée.',
    'autoBackup.error.mismatch': 'Les deux phrases de passe diffèrent.',
    'autoBackup.failed': 'La sauvegarde automatique du {date} a échoué : {reason}',
    'autoBackup.reason.passphrase':
      'la phrase de passe enregistrée ne s’ouvre plus avec la clé des données ; saisissez-la de nouveau.',
    'autoBackup.reason.export': 'la base n’a pas pu être lue.',
    'autoBackup.reason.write':
      'le fichier n’a pas pu être écrit (disque plein ou dossier protégé ?).',
    'autoBackup.reason.unsupported': 'ce poste n’a pas de dossier d’application.',
  },
  {
    'autoBackup.title': 'Automatic backup',
    'autoBackup.intro':
      'Every day, Passerelle saves an encrypted backup of the whole database in the app’s folder on this computer and keeps the most recent ones. Copy them elsewhere now and then: a failing disk takes them with it.',
    'autoBackup.webOnly':
      'Automatic backups happen in the desktop app only: a browser has no folder to save them in. Here, make backups by hand (Exchange → Backup).',
    'autoBackup.enabled': 'Back up automatically every day',
    'autoBackup.keep': 'Backups to keep',
    'autoBackup.keepHint': 'From 1 to 60; older ones are deleted.',
    'autoBackup.passphrase': 'Backup passphrase',
    'autoBackup.passphraseConfirm': 'Confirm the passphrase',
    'autoBackup.passphraseHint':
      'At least {min} characters. Kept encrypted with this computer’s data key. Write it down apart: without it, no backup can be restored.',
    'autoBackup.passphraseSet': 'A passphrase is saved; leave these fields empty to keep it.',
    'autoBackup.save': 'Save automatic backup',
    'autoBackup.saved': 'Automatic backup settings saved.',
    'autoBackup.now': 'Back up now',
    'autoBackup.working': 'Backing up…',
    'autoBackup.done': 'Backup saved: {name}.',
    'autoBackup.last': 'Last automatic backup: {date}.',
    'autoBackup.never': 'No automatic backup yet.',
    'autoBackup.files': 'Files in the app’s folder',
    'autoBackup.filesEmpty': 'No backup file.',
    'autoBackup.fileSize': '{size} KB',
    'autoBackup.locked':
      'The data key is not unlocked: log in again to change the passphrase or back up.',
    'autoBackup.error.keep': 'The number of backups goes from 1 to 60.',
    'autoBackup.error.passphraseShort': 'The passphrase must have at least {min} characters.',
    'autoBackup.error.passphraseMissing': 'Choose a passphrase to turn automatic backup on.',
    'autoBackup.error.noKey': 'The data key is not unlocked.',
    'autoBackup.error.mismatch': 'The two passphrases differ.',
    'autoBackup.failed': 'The automatic backup of {date} failed: {reason}',
    'autoBackup.reason.passphrase':
      'the saved passphrase no longer opens with the data key; enter it again.',
    'autoBackup.reason.export': 'the database could not be read.',
    'autoBackup.reason.write': 'the file could not be written (disk full or protected folder?).',
    'autoBackup.reason.unsupported': 'this computer has no app folder.',
  },
  {
    'autoBackup.title': 'Cópia de segurança automática',
    'autoBackup.intro':
      'Todos os dias, o Passerelle guarda uma cópia de segurança cifrada de toda a base de dados na pasta da aplicação neste computador e mantém as mais recentes. Copie-as de vez em quando para outro lugar: um disco que avaria leva-as consigo.',
    'autoBackup.webOnly':
      'As cópias de segurança automáticas só funcionam na aplicação de computador: um navegador não tem pasta onde as guardar. Aqui, faça cópias à mão (Intercâmbio → Cópia de segurança).',
    'autoBackup.enabled': 'Fazer cópia de segurança automática todos os dias',
    'autoBackup.keep': 'Cópias a manter',
    'autoBackup.keepHint': 'De 1 a 60; acima disso, as mais antigas são eliminadas.',
    'autoBackup.passphrase': 'Frase-passe das cópias de segurança',
    'autoBackup.passphraseConfirm': 'Confirme a frase-passe',
    'autoBackup.passphraseHint':
      'Pelo menos {min} caracteres. Guardada cifrada com a chave dos dados deste computador. Anote-a à parte: sem ela, nenhuma cópia pode ser restaurada.',
    'autoBackup.passphraseSet':
      'Há uma frase-passe guardada; deixe estes campos vazios para a manter.',
    'autoBackup.save': 'Guardar a cópia de segurança automática',
    'autoBackup.saved': 'Definições da cópia de segurança automática guardadas.',
    'autoBackup.now': 'Fazer cópia agora',
    'autoBackup.working': 'A fazer a cópia de segurança…',
    'autoBackup.done': 'Cópia de segurança guardada: {name}.',
    'autoBackup.last': 'Última cópia de segurança automática: {date}.',
    'autoBackup.never': 'Ainda não há cópia de segurança automática.',
    'autoBackup.files': 'Ficheiros na pasta da aplicação',
    'autoBackup.filesEmpty': 'Nenhum ficheiro de cópia de segurança.',
    'autoBackup.fileSize': '{size} KB',
    'autoBackup.locked':
      'A chave dos dados não está desbloqueada: volte a iniciar sessão para mudar a frase-passe ou fazer a cópia.',
    'autoBackup.error.keep': 'O número de cópias vai de 1 a 60.',
    'autoBackup.error.passphraseShort': 'A frase-passe deve ter pelo menos {min} caracteres.',
    'autoBackup.error.passphraseMissing':
      'Escolha uma frase-passe para ativar a cópia de segurança automática.',
    'autoBackup.error.noKey': 'A chave dos dados não está desbloqueada.',
    'autoBackup.error.mismatch': 'As duas frases-passe são diferentes.',
    'autoBackup.failed': 'A cópia de segurança automática de {date} falhou: {reason}',
    'autoBackup.reason.passphrase':
      'a frase-passe guardada já não abre com a chave dos dados; introduza-a de novo.',
    'autoBackup.reason.export': 'não foi possível ler a base de dados.',
    'autoBackup.reason.write':
      'não foi possível escrever o ficheiro (disco cheio ou pasta protegida?).',
    'autoBackup.reason.unsupported': 'este computador não tem pasta da aplicação.',
  },
  {
    'autoBackup.title': 'النسخ الاحتياطي التلقائي',
    'autoBackup.intro':
      'يحفظ Passerelle كل يوم نسخة احتياطية مشفَّرة من قاعدة البيانات كاملةً في مجلد التطبيق على هذا الحاسوب، ويحتفظ بأحدث النسخ. انسخها من حين لآخر إلى مكان آخر: القرص الذي يتعطل يُفقدها معه.',
    'autoBackup.webOnly':
      'النسخ الاحتياطي التلقائي متاح في تطبيق سطح المكتب فقط: ليس للمتصفح مجلد يحفظها فيه. هنا، أنشئ النسخ يدوياً (التبادل ← النسخ الاحتياطي).',
    'autoBackup.enabled': 'إنشاء نسخة احتياطية تلقائياً كل يوم',
    'autoBackup.keep': 'عدد النسخ المحتفَظ بها',
    'autoBackup.keepHint': 'من 1 إلى 60؛ وما زاد على ذلك تُحذف أقدم النسخ.',
    'autoBackup.passphrase': 'عبارة مرور النسخ الاحتياطية',
    'autoBackup.passphraseConfirm': 'تأكيد عبارة المرور',
    'autoBackup.passphraseHint':
      'لا تقل عن {min} حرفاً. تُحفظ مشفَّرة بمفتاح بيانات هذا الحاسوب. دوِّنها في مكان منفصل: بدونها لا يمكن استعادة أي نسخة.',
    'autoBackup.passphraseSet': 'توجد عبارة مرور محفوظة؛ اترك هذين الحقلين فارغين للإبقاء عليها.',
    'autoBackup.save': 'حفظ إعدادات النسخ الاحتياطي التلقائي',
    'autoBackup.saved': 'حُفظت إعدادات النسخ الاحتياطي التلقائي.',
    'autoBackup.now': 'إنشاء نسخة احتياطية الآن',
    'autoBackup.working': 'جارٍ النسخ الاحتياطي…',
    'autoBackup.done': 'حُفظت النسخة الاحتياطية: {name}.',
    'autoBackup.last': 'آخر نسخة احتياطية تلقائية: {date}.',
    'autoBackup.never': 'لا توجد نسخة احتياطية تلقائية حتى الآن.',
    'autoBackup.files': 'الملفات في مجلد التطبيق',
    'autoBackup.filesEmpty': 'لا توجد ملفات نسخ احتياطية.',
    'autoBackup.fileSize': '{size} ك.ب',
    'autoBackup.locked':
      'مفتاح البيانات غير مفتوح: سجّل الدخول من جديد لتغيير عبارة المرور أو لإنشاء نسخة احتياطية.',
    'autoBackup.error.keep': 'عدد النسخ الاحتياطية من 1 إلى 60.',
    'autoBackup.error.passphraseShort': 'يجب ألا تقل عبارة المرور عن {min} حرفاً.',
    'autoBackup.error.passphraseMissing': 'اختر عبارة مرور لتفعيل النسخ الاحتياطي التلقائي.',
    'autoBackup.error.noKey': 'مفتاح البيانات غير مفتوح.',
    'autoBackup.error.mismatch': 'عبارتا المرور غير متطابقتين.',
    'autoBackup.failed': 'فشل النسخ الاحتياطي التلقائي بتاريخ {date}: {reason}',
    'autoBackup.reason.passphrase':
      'لم تعد عبارة المرور المحفوظة تُفتح بمفتاح البيانات؛ أدخلها من جديد.',
    'autoBackup.reason.export': 'تعذّرت قراءة قاعدة البيانات.',
    'autoBackup.reason.write': 'تعذّرت كتابة الملف (القرص ممتلئ أو المجلد محمي؟).',
    'autoBackup.reason.unsupported': 'لا يوجد مجلد تطبيق على هذا الحاسوب.',
  },
);
