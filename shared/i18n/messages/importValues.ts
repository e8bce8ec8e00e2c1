import { defineMessages } from '../define';

/** Import of real-world sheets (issue 17): sheet choice, value mapping, report, grouping. */
export const importValues = defineMessages(
  {
    'importValues.sheet': 'Feuille',
    'importValues.hidden': '{name} (masquée)',
    'importValues.headerRow': 'Ligne d’en-tête : {row}',
    'importValues.hxl': 'Ligne de balises HXL reconnue : elle sert à associer les colonnes.',
    'importValues.next': 'Continuer : valeurs',
    'importValues.title': 'Valeurs des listes',
    'importValues.intro':
      'Chaque valeur trouvée dans le fichier, avec le nombre de lignes qui l’emploient. Celles que Passerelle reconnaît sont déjà choisies ; choisissez pour les autres. Vos choix sont gardés pour les fichiers de même forme.',
    'importValues.col.value': 'Valeur dans le fichier',
    'importValues.col.rows': 'Lignes',
    'importValues.col.becomes': 'Devient',
    'importValues.choose': 'À choisir…',
    'importValues.unmatched': '{count} valeurs à choisir ; sinon leurs lignes seront refusées.',
    'importValues.all': 'Tous les publics',
    'importValues.check': 'Vérifier le fichier',
    'importValues.back': 'Retour aux colonnes',
    'importValues.field': 'Colonne « {column} » → {field}',
    'exchange.issue.notAllowed': 'Valeur hors liste. Valeurs acceptées : {allowed}.',
    'exchange.issue.notAllowedLanguage':
      'Langue non reconnue. Acceptées : un code ISO 639 (fr, bm, pt…) ou le nom d’une langue.',
    'exchange.issue.ambiguousDate':
      'Date lisible dans les deux sens : lue jour/mois comme {fix}. Vérifiez-la.',
    'importValues.report.errors': 'Erreurs ({count}) : ces lignes ne seront pas importées',
    'importValues.report.warnings': 'Avertissements ({count}) : ces lignes seront importées',
    'importValues.report.kind': '{count} × {reason}',
    'importValues.report.filter': 'Afficher',
    'importValues.report.filterAll': 'Tous les problèmes',
    'importValues.report.field': 'Champ',
    'importValues.report.fix': 'Proposition',
    'exchange.issue.duplicateInFile':
      'Même service que la ligne {fix} de ce fichier : importé une seule fois.',
    'exchange.issue.mojibake':
      'Texte probablement mal encodé (UTF-8 lu deux fois) : gardé tel quel, correction proposée {fix}.',
    'exchange.issue.urlScheme': 'Adresse web sans « https:// » : ajouté.',
    'exchange.issue.recordUnreadable':
      'Enregistrement illisible : ni nom de service, ni organisation, ni lieu. Champs trouvés : voir la valeur.',
    'exchange.issue.coordSwapped':
      'Point hors du pays, mais dedans si latitude et longitude sont inversées : proposition {fix}.',
    'exchange.issue.coordOutsideCountry':
      'Point hors du pays du bureau : vérifiez les coordonnées.',
    'exchange.issue.coordOutsideRegion':
      'Point hors de la région indiquée : vérifiez l’un ou l’autre.',
    'importValues.report.notAllowedKind': 'Valeur hors liste : {field}',
    'importValues.presence':
      'Présence opérationnelle (3W/5W) : un service par organisation, secteur et région, ses lieux gardés',
    'importValues.presence.summary':
      '{rows, number} lignes → {services, number} services : rien n’est enregistré avant votre confirmation.',
  },
  {
    'importValues.sheet': 'Sheet',
    'importValues.hidden': '{name} (hidden)',
    'importValues.headerRow': 'Header row: {row}',
    'importValues.hxl': 'HXL hashtag row recognised: it is used to match the columns.',
    'importValues.next': 'Continue: values',
    'importValues.title': 'List values',
    'importValues.intro':
      'Each value found in the file, with the number of rows that use it. Those Passerelle recognises are already chosen; choose for the others. Your choices are kept for files of the same layout.',
    'importValues.col.value': 'Value in the file',
    'importValues.col.rows': 'Rows',
    'importValues.col.becomes': 'Becomes',
    'importValues.choose': 'To choose…',
    'importValues.unmatched': '{count} values to choose; otherwise their rows will be refused.',
    'importValues.all': 'All populations',
    'importValues.check': 'Check the file',
    'importValues.back': 'Back to columns',
    'importValues.field': 'Column “{column}” → {field}',
    'exchange.issue.notAllowed': 'Value not in the list. Accepted values: {allowed}.',
    'exchange.issue.notAllowedLanguage':
      'Language not recognised. Accepted: an ISO 639 code (fr, bm, pt…) or a language name.',
    'exchange.issue.ambiguousDate':
      'Date readable both ways: read day/month as {fix}. Please check it.',
    'importValues.report.errors': 'Errors ({count}): these rows will not be imported',
    'importValues.report.warnings': 'Warnings ({count}): these rows will be imported',
    'importValues.report.kind': '{count} × {reason}',
    'importValues.report.filter': 'Show',
    'importValues.report.filterAll': 'All problems',
    'importValues.report.field': 'Field',
    'importValues.report.fix': 'Suggestion',
    'exchange.issue.duplicateInFile': 'Same service as row {fix} of this file: imported once.',
    'exchange.issue.mojibake':
      'Text probably mis-encoded (UTF-8 read twice): kept as is, suggested correction {fix}.',
    'exchange.issue.urlScheme': 'Web address without “https://”: added.',
    'exchange.issue.recordUnreadable':
      'Unreadable record: no service name, organisation or place. Fields found: see the value.',
    'exchange.issue.coordSwapped':
      'Point outside the country, but inside with latitude and longitude swapped: suggested {fix}.',
    'exchange.issue.coordOutsideCountry':
      'Point outside the office’s country: check the coordinates.',
    'exchange.issue.coordOutsideRegion': 'Point outside the stated region: check one or the other.',
    'importValues.report.notAllowedKind': 'Value not in the list: {field}',
    'importValues.presence':
      'Operational presence (3W/5W): one service per organisation, sector and region, its places kept',
    'importValues.presence.summary':
      '{rows, number} rows → {services, number} services: nothing is saved before you confirm.',
  },
  {
    'importValues.sheet': 'Folha',
    'importValues.hidden': '{name} (oculta)',
    'importValues.headerRow': 'Linha de cabeçalho: {row}',
    'importValues.hxl': 'Linha de etiquetas HXL reconhecida: serve para associar as colunas.',
    'importValues.next': 'Continuar: valores',
    'importValues.title': 'Valores das listas',
    'importValues.intro':
      'Cada valor encontrado no ficheiro, com o número de linhas que o usam. Os que o Passerelle reconhece já estão escolhidos; escolha para os outros. As suas escolhas ficam guardadas para ficheiros com a mesma forma.',
    'importValues.col.value': 'Valor no ficheiro',
    'importValues.col.rows': 'Linhas',
    'importValues.col.becomes': 'Passa a',
    'importValues.choose': 'Por escolher…',
    'importValues.unmatched':
      '{count} valores por escolher; caso contrário, as linhas serão recusadas.',
    'importValues.all': 'Todos os públicos',
    'importValues.check': 'Verificar o ficheiro',
    'importValues.back': 'Voltar às colunas',
    'importValues.field': 'Coluna «{column}» → {field}',
    'exchange.issue.notAllowed': 'Valor fora da lista. Valores aceites: {allowed}.',
    'exchange.issue.notAllowedLanguage':
      'Língua não reconhecida. Aceites: um código ISO 639 (fr, bm, pt…) ou o nome de uma língua.',
    'exchange.issue.ambiguousDate':
      'Data legível nos dois sentidos: lida dia/mês como {fix}. Verifique-a.',
    'importValues.report.errors': 'Erros ({count}): estas linhas não serão importadas',
    'importValues.report.warnings': 'Avisos ({count}): estas linhas serão importadas',
    'importValues.report.kind': '{count} × {reason}',
    'importValues.report.filter': 'Mostrar',
    'importValues.report.filterAll': 'Todos os problemas',
    'importValues.report.field': 'Campo',
    'importValues.report.fix': 'Proposta',
    'exchange.issue.duplicateInFile':
      'O mesmo serviço que a linha {fix} deste ficheiro: importado uma só vez.',
    'exchange.issue.mojibake':
      'Texto provavelmente mal codificado (UTF-8 lido duas vezes): mantido, correcção proposta {fix}.',
    'exchange.issue.urlScheme': 'Endereço web sem «https://»: acrescentado.',
    'exchange.issue.recordUnreadable':
      'Registo ilegível: sem nome de serviço, organização nem local. Campos encontrados: ver o valor.',
    'exchange.issue.coordSwapped':
      'Ponto fora do país, mas dentro com latitude e longitude trocadas: proposta {fix}.',
    'exchange.issue.coordOutsideCountry':
      'Ponto fora do país do escritório: verifique as coordenadas.',
    'exchange.issue.coordOutsideRegion': 'Ponto fora da província indicada: verifique um ou outro.',
    'importValues.report.notAllowedKind': 'Valor fora da lista: {field}',
    'importValues.presence':
      'Presença operacional (3W/5W): um serviço por organização, sector e província, com os seus locais',
    'importValues.presence.summary':
      '{rows, number} linhas → {services, number} serviços: nada é guardado antes da sua confirmação.',
  },
  {
    'importValues.sheet': 'الورقة',
    'importValues.hidden': '{name} (مخفية)',
    'importValues.headerRow': 'صف العناوين: {row}',
    'importValues.hxl': 'تم التعرف على صف وسوم HXL: يُستخدم لمطابقة الأعمدة.',
    'importValues.next': 'متابعة: القيم',
    'importValues.title': 'قيم القوائم',
    'importValues.intro':
      'كل قيمة وُجدت في الملف مع عدد الصفوف التي تستخدمها. القيم التي يتعرف عليها Passerelle مختارة مسبقًا؛ اختر للبقية. تُحفظ اختياراتك للملفات ذات الشكل نفسه.',
    'importValues.col.value': 'القيمة في الملف',
    'importValues.col.rows': 'الصفوف',
    'importValues.col.becomes': 'تصبح',
    'importValues.choose': 'للاختيار…',
    'importValues.unmatched': '{count} قيم للاختيار؛ وإلا فستُرفض صفوفها.',
    'importValues.all': 'جميع الفئات',
    'importValues.check': 'تحقق من الملف',
    'importValues.back': 'العودة إلى الأعمدة',
    'importValues.field': 'العمود «{column}» ← {field}',
    'exchange.issue.notAllowed': 'قيمة خارج القائمة. القيم المقبولة: {allowed}.',
    'exchange.issue.notAllowedLanguage':
      'لغة غير معروفة. المقبول: رمز ISO 639 ‏(fr، bm، pt…) أو اسم لغة.',
    'exchange.issue.ambiguousDate': 'تاريخ يُقرأ بالاتجاهين: قُرئ يوم/شهر على أنه {fix}. تحقق منه.',
    'importValues.report.errors': 'أخطاء ({count}): لن تُستورد هذه الصفوف',
    'importValues.report.warnings': 'تحذيرات ({count}): ستُستورد هذه الصفوف',
    'importValues.report.kind': '{count} × {reason}',
    'importValues.report.filter': 'عرض',
    'importValues.report.filterAll': 'كل المشكلات',
    'importValues.report.field': 'الحقل',
    'importValues.report.fix': 'اقتراح',
    'exchange.issue.duplicateInFile':
      'الخدمة نفسها كما في الصف {fix} من هذا الملف: تُستورد مرة واحدة.',
    'exchange.issue.mojibake':
      'نص يُرجَّح أن ترميزه خاطئ (UTF-8 قُرئ مرتين): أُبقي كما هو، والتصحيح المقترح {fix}.',
    'exchange.issue.urlScheme': 'عنوان ويب بدون ‎https://‎: تمت إضافته.',
    'exchange.issue.recordUnreadable':
      'سجل غير مقروء: لا اسم خدمة ولا منظمة ولا مكان. الحقول الموجودة: انظر القيمة.',
    'exchange.issue.coordSwapped':
      'نقطة خارج البلد، لكنها داخله إذا بُدّل خط العرض وخط الطول: الاقتراح {fix}.',
    'exchange.issue.coordOutsideCountry': 'نقطة خارج بلد المكتب: تحقق من الإحداثيات.',
    'exchange.issue.coordOutsideRegion': 'نقطة خارج المنطقة المذكورة: تحقق من أحدهما.',
    'importValues.report.notAllowedKind': 'قيمة خارج القائمة: {field}',
    'importValues.presence':
      'الحضور العملياتي (3W/5W): خدمة واحدة لكل منظمة وقطاع ومنطقة، مع الاحتفاظ بأماكنها',
    'importValues.presence.summary':
      '{rows, number} صفًا ← {services, number} خدمة: لا يُحفظ شيء قبل تأكيدك.',
  },
);
