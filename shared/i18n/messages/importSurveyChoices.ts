import { defineMessages } from '../define';

/** Survey answers that no value of the form names, and what the user chooses for them (issue 17). */
export const importSurveyChoices = defineMessages(
  {
    'importSurveyChoices.title': 'Réponses à faire correspondre',
    'importSurveyChoices.intro':
      'Ces réponses du fichier ne sont ni une valeur du formulaire HTCDS ni un de ses libellés. Choisissez ce que chacune devient : vos choix sont gardés pour les exports de même forme. Sans choix, leurs lignes sont refusées.',
    'importSurveyChoices.caption': 'Réponses hors liste : {list}',
    'importSurveyChoices.select': '{list} : ce que devient « {answer} »',
    'importSurveyChoices.pending':
      '{count, plural, one {# réponse à choisir} other {# réponses à choisir}} ; sinon leurs lignes sont refusées.',
    'importSurveyChoices.remembered':
      '{count, plural, one {# choix repris} other {# choix repris}} de l’import précédent de même forme.',
    'importSurveyChoices.replanning': 'Nouvelle vérification avec vos choix…',
    'importSurveyChoices.chosen': 'Valeurs choisies pour « {answer} »',
    'importSurveyChoices.remove': 'Retirer « {value} » de « {answer} »',
    'importSurveyChoices.add': 'Ajouter une valeur…',
    'exchange.error.surveyChoices':
      'Choix de valeurs refusés (à « {at} ») : ils ne sont pas appliqués, rien n’a changé.',
  },
  {
    'importSurveyChoices.title': 'Answers to match',
    'importSurveyChoices.intro':
      'These answers in the file are neither a value of the HTCDS form nor one of its labels. Choose what each one becomes: your choices are kept for exports with the same layout. Without a choice, their rows are refused.',
    'importSurveyChoices.caption': 'Answers not in the list: {list}',
    'importSurveyChoices.select': '{list}: what “{answer}” becomes',
    'importSurveyChoices.pending':
      '{count, plural, one {# answer to choose} other {# answers to choose}}; otherwise their rows are refused.',
    'importSurveyChoices.remembered':
      '{count, plural, one {# choice} other {# choices}} taken from the previous import with the same layout.',
    'importSurveyChoices.replanning': 'Checking again with your choices…',
    'importSurveyChoices.chosen': 'Values chosen for “{answer}”',
    'importSurveyChoices.remove': 'Remove “{value}” from “{answer}”',
    'importSurveyChoices.add': 'Add a value…',
    'exchange.error.surveyChoices':
      'Value choices refused (at “{at}”): they are not applied, nothing has changed.',
  },
  {
    'importSurveyChoices.title': 'Respostas a fazer corresponder',
    'importSurveyChoices.intro':
      'Estas respostas do ficheiro não são nem um valor do formulário HTCDS nem um dos seus rótulos. Escolha o que cada uma se torna: as suas escolhas ficam guardadas para as exportações com a mesma estrutura. Sem escolha, as respectivas linhas são recusadas.',
    'importSurveyChoices.caption': 'Respostas fora da lista: {list}',
    'importSurveyChoices.select': '{list}: o que «{answer}» se torna',
    'importSurveyChoices.pending':
      '{count, plural, one {# resposta por escolher} other {# respostas por escolher}}; caso contrário, as respectivas linhas são recusadas.',
    'importSurveyChoices.remembered':
      '{count, plural, one {# escolha retomada} other {# escolhas retomadas}} da importação anterior com a mesma estrutura.',
    'importSurveyChoices.replanning': 'Nova verificação com as suas escolhas…',
    'importSurveyChoices.chosen': 'Valores escolhidos para «{answer}»',
    'importSurveyChoices.remove': 'Retirar «{value}» de «{answer}»',
    'importSurveyChoices.add': 'Acrescentar um valor…',
    'exchange.error.surveyChoices':
      'Escolhas de valores recusadas (em «{at}»): não são aplicadas, nada foi alterado.',
  },
  {
    'importSurveyChoices.title': 'إجابات تحتاج إلى مطابقة',
    'importSurveyChoices.intro':
      'هذه الإجابات الواردة في الملف ليست قيمة من قيم استمارة HTCDS ولا تسمية من تسمياتها. اختر ما تصبح عليه كل إجابة: تُحفظ اختياراتك للملفات المصدَّرة ذات البنية نفسها. وبدون اختيار تُرفض الصفوف التي ترد فيها.',
    'importSurveyChoices.caption': 'إجابات خارج القائمة: {list}',
    'importSurveyChoices.select': '{list}: ما تصبح عليه الإجابة «{answer}»',
    'importSurveyChoices.pending':
      '{count, plural, one {إجابة واحدة تنتظر الاختيار} two {إجابتان تنتظران الاختيار} few {# إجابات تنتظر الاختيار} many {# إجابة تنتظر الاختيار} other {# إجابة تنتظر الاختيار}}، وإلا رُفضت صفوفها.',
    'importSurveyChoices.remembered':
      '{count, plural, one {اختيار واحد مأخوذ} two {اختياران مأخوذان} few {# اختيارات مأخوذة} many {# اختيارًا مأخوذًا} other {# اختيار مأخوذ}} من الاستيراد السابق ذي البنية نفسها.',
    'importSurveyChoices.replanning': 'جارٍ التحقق مجددًا وفق اختياراتك…',
    'importSurveyChoices.chosen': 'القيم المختارة للإجابة «{answer}»',
    'importSurveyChoices.remove': 'إزالة «{value}» من الإجابة «{answer}»',
    'importSurveyChoices.add': 'إضافة قيمة…',
    'exchange.error.surveyChoices': 'رُفضت اختيارات القيم (عند «{at}»): لم تُطبَّق، ولم يتغير شيء.',
  },
);
