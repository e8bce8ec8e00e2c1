import { defineMessages } from '../define';

/**
 * Issue 13 (trust): backup and restore rights, refused backup rows, letter series per PC.
 * The `exchange.error.*` keys here translate the new ExchangeError codes of restore.
 */
export const trust = defineMessages(
  {
    'exchange.error.notAllowed':
      'Seul un administrateur peut sauvegarder ou restaurer la base de données.',
    'exchange.error.backupPassword': 'Mot de passe incorrect : rien n’a été fait.',
    'exchange.error.backupRow':
      'Sauvegarde refusée : la ligne « {row} » de la table « {table} » n’est pas valide (champ « {field} »). Rien n’a été modifié.',
    'exchange.error.backupForeignKey':
      'Cette sauvegarde vient d’une autre installation : votre compte « {username} » doit y exister et s’ouvrir avec le mot de passe saisi. Rien n’a été modifié.',
    'trust.backup.password': 'Votre mot de passe (administrateur)',
    'trust.backup.passwordHint':
      'Sauvegarder et restaurer demandent à nouveau le mot de passe de l’administrateur connecté.',
    'trust.restore.disabledAdmins':
      'Comptes administrateurs restaurés désactivés (à réactiver dans Utilisateurs) : {names}.',
    'trust.restore.noSyncKeys':
      'Cette sauvegarde ne contenait pas les clés de synchronisation du bureau : de nouvelles clés seront créées, et les bureaux partenaires devront faire confiance à la nouvelle identité.',
    'trust.series.title': 'Série des numéros de lettre de ce poste',
    'trust.series.intro':
      'Chaque poste d’un bureau numérote ses lettres dans sa propre série (par exemple MRN/BKO-2/2026/0042) : deux postes ne donnent jamais le même numéro.',
    'trust.series.label': 'Code de série',
    'trust.series.hint':
      'Lettres majuscules, chiffres et tiret, commençant par le code du bureau. Modifiable jusqu’à la première lettre émise sur ce poste.',
    'trust.series.save': 'Enregistrer la série',
    'trust.series.saved': 'Série enregistrée.',
    'trust.series.locked':
      'Des lettres ont déjà été émises dans cette série : elle ne change plus.',
    'trust.series.invalid': 'Code de série non valide.',
    'trust.series.clash':
      'Attention : le poste « {installation} » annonce la même série {series}. Donnez une autre série à l’un des deux postes avant d’émettre des lettres.',
    'trust.server.passwordKept': 'Mot de passe enregistré (laisser vide pour le garder)',
  },
  {
    'exchange.error.notAllowed': 'Only an administrator can back up or restore the database.',
    'exchange.error.backupPassword': 'Wrong password: nothing was done.',
    'exchange.error.backupRow':
      'Backup refused: row “{row}” of table “{table}” is not valid (field “{field}”). Nothing was changed.',
    'exchange.error.backupForeignKey':
      'This backup comes from another installation: your account “{username}” must exist in it and open with the password you typed. Nothing was changed.',
    'trust.backup.password': 'Your password (administrator)',
    'trust.backup.passwordHint':
      'Backing up and restoring ask for the logged-in administrator’s password again.',
    'trust.restore.disabledAdmins':
      'Administrator accounts restored disabled (enable them in Users): {names}.',
    'trust.restore.noSyncKeys':
      'This backup did not hold the office’s sync keys: new keys will be made, and partner offices will have to trust the new identity.',
    'trust.series.title': 'Letter number series of this PC',
    'trust.series.intro':
      'Each PC of an office numbers its letters in its own series (for example MRN/BKO-2/2026/0042): two PCs never give the same number.',
    'trust.series.label': 'Series code',
    'trust.series.hint':
      'Capital letters, digits and a hyphen, starting with the office code. Can be changed until the first letter is issued on this PC.',
    'trust.series.save': 'Save the series',
    'trust.series.saved': 'Series saved.',
    'trust.series.locked': 'Letters were already issued in this series: it no longer changes.',
    'trust.series.invalid': 'Invalid series code.',
    'trust.series.clash':
      'Warning: the PC “{installation}” announces the same series {series}. Give one of the two PCs another series before issuing letters.',
    'trust.server.passwordKept': 'Password saved (leave empty to keep it)',
  },
  {
    'exchange.error.notAllowed':
      'Só um administrador pode fazer cópia de segurança ou restaurar a base de dados.',
    'exchange.error.backupPassword': 'Palavra-passe incorrecta: nada foi feito.',
    'exchange.error.backupRow':
      'Cópia de segurança recusada: a linha «{row}» da tabela «{table}» não é válida (campo «{field}»). Nada foi alterado.',
    'exchange.error.backupForeignKey':
      'Esta cópia de segurança vem de outra instalação: a sua conta «{username}» deve existir nela e abrir com a palavra-passe introduzida. Nada foi alterado.',
    'trust.backup.password': 'A sua palavra-passe (administrador)',
    'trust.backup.passwordHint':
      'Fazer cópia de segurança e restaurar pedem de novo a palavra-passe do administrador com sessão iniciada.',
    'trust.restore.disabledAdmins':
      'Contas de administrador restauradas desactivadas (active-as em Utilizadores): {names}.',
    'trust.restore.noSyncKeys':
      'Esta cópia de segurança não continha as chaves de sincronização do escritório: serão criadas novas chaves, e os escritórios parceiros terão de confiar na nova identidade.',
    'trust.series.title': 'Série dos números de ofício deste computador',
    'trust.series.intro':
      'Cada computador de um escritório numera os seus ofícios na sua própria série (por exemplo MRN/BKO-2/2026/0042): dois computadores nunca dão o mesmo número.',
    'trust.series.label': 'Código da série',
    'trust.series.hint':
      'Letras maiúsculas, algarismos e hífen, começando pelo código do escritório. Pode ser alterado até ao primeiro ofício emitido neste computador.',
    'trust.series.save': 'Guardar a série',
    'trust.series.saved': 'Série guardada.',
    'trust.series.locked': 'Já foram emitidos ofícios nesta série: ela já não muda.',
    'trust.series.invalid': 'Código de série inválido.',
    'trust.series.clash':
      'Atenção: o computador «{installation}» anuncia a mesma série {series}. Dê outra série a um dos dois computadores antes de emitir ofícios.',
    'trust.server.passwordKept': 'Palavra-passe guardada (deixe vazio para a manter)',
  },
  {
    'exchange.error.notAllowed':
      'لا يمكن إلا للمسؤول إنشاء نسخة احتياطية من قاعدة البيانات أو استعادتها.',
    'exchange.error.backupPassword': 'كلمة المرور غير صحيحة: لم يتم أي شيء.',
    'exchange.error.backupRow':
      'رُفضت النسخة الاحتياطية: السطر «{row}» في الجدول «{table}» غير صالح (الحقل «{field}»). لم يتغير شيء.',
    'exchange.error.backupForeignKey':
      'هذه النسخة الاحتياطية من تثبيت آخر: يجب أن يكون حسابك «{username}» موجودًا فيها وأن يُفتح بكلمة المرور المُدخلة. لم يتغير شيء.',
    'trust.backup.password': 'كلمة المرور الخاصة بك (المسؤول)',
    'trust.backup.passwordHint':
      'يتطلب إنشاء النسخ الاحتياطية واستعادتها إدخال كلمة مرور المسؤول المتصل مرة أخرى.',
    'trust.restore.disabledAdmins':
      'حسابات مسؤولين استُعيدت معطلة (فعّلها في صفحة المستخدمين): {names}.',
    'trust.restore.noSyncKeys':
      'لم تتضمن هذه النسخة الاحتياطية مفاتيح المزامنة الخاصة بالمكتب: ستُنشأ مفاتيح جديدة، وسيتعين على المكاتب الشريكة الوثوق بالهوية الجديدة.',
    'trust.series.title': 'سلسلة أرقام الرسائل لهذا الحاسوب',
    'trust.series.intro':
      'يرقّم كل حاسوب في المكتب رسائله في سلسلته الخاصة (مثل MRN/BKO-2/2026/0042): لا يعطي حاسوبان الرقم نفسه أبدًا.',
    'trust.series.label': 'رمز السلسلة',
    'trust.series.hint':
      'حروف لاتينية كبيرة وأرقام وشرطة، يبدأ برمز المكتب. يمكن تغييره حتى إصدار أول رسالة على هذا الحاسوب.',
    'trust.series.save': 'حفظ السلسلة',
    'trust.series.saved': 'حُفظت السلسلة.',
    'trust.series.locked': 'صدرت رسائل في هذه السلسلة بالفعل: لم يعد من الممكن تغييرها.',
    'trust.series.invalid': 'رمز السلسلة غير صالح.',
    'trust.series.clash':
      'تنبيه: الحاسوب «{installation}» يعلن السلسلة نفسها {series}. امنح أحد الحاسوبين سلسلة أخرى قبل إصدار الرسائل.',
    'trust.server.passwordKept': 'كلمة المرور محفوظة (اتركه فارغًا للإبقاء عليها)',
  },
);
