/** Foreign ids kept from another system's HSDS file (issue 17): the service page, the import. */
import { defineMessages } from '../define';

export const hsdsIds = defineMessages(
  {
    'hsdsIds.externalId':
      '{count, plural, one {Identifiant externe} other {Identifiants externes}}',
    'hsdsIds.refused':
      '{refused, plural, one {# service appartient à un autre bureau : l’import ne l’a pas modifié.} other {# services appartiennent à d’autres bureaux : l’import ne les a pas modifiés.}}',
  },
  {
    'hsdsIds.externalId': '{count, plural, one {External identifier} other {External identifiers}}',
    'hsdsIds.refused':
      '{refused, plural, one {# service belongs to another office: the import did not change it.} other {# services belong to other offices: the import did not change them.}}',
  },
  {
    'hsdsIds.externalId':
      '{count, plural, one {Identificador externo} other {Identificadores externos}}',
    'hsdsIds.refused':
      '{refused, plural, one {# serviço pertence a outro escritório: a importação não o alterou.} other {# serviços pertencem a outros escritórios: a importação não os alterou.}}',
  },
  {
    'hsdsIds.externalId':
      '{count, plural, one {المعرّف الخارجي} two {المعرّفان الخارجيان} few {المعرّفات الخارجية} other {المعرّفات الخارجية}}',
    'hsdsIds.refused':
      '{refused, plural, one {خدمة واحدة تابعة لمكتب آخر: لم يغيّرها الاستيراد.} two {خدمتان تابعتان لمكاتب أخرى: لم يغيّرهما الاستيراد.} few {# خدمات تابعة لمكاتب أخرى: لم يغيّرها الاستيراد.} other {# خدمة تابعة لمكاتب أخرى: لم يغيّرها الاستيراد.}}',
  },
);
