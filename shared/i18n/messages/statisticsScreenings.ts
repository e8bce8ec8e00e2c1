import { defineMessages } from '../define';

/** Statistics: screenings as a source (issue 16), the district level, bed figures' rule. */
export const statisticsScreenings = defineMessages(
  {
    'statistics.area.district': 'Un cercle ou district',
    'statistics.district': 'Cercle ou district',
    'statistics.districtNote':
      'Au niveau du cercle ou district, les chiffres sont ceux des orientations de ce bureau, placées au lieu du service qui reçoit : les autres bureaux publient leurs chiffres par région, et le lieu de la personne n’est pas enregistré.',
    'statistics.screenings.title': 'Repérages',
    'statistics.screenings.intro':
      'Chaque repérage compte, qu’il ait mené à une orientation ou non. Un repérage n’enregistre aucun lieu : il compte dans son bureau et dans la région de ce bureau.',
    'statistics.screenings.caption':
      'Repérages — {period} — {area}. Repose sur {records} repérages.',
    'statistics.screenings.captionSmall':
      'Repérages — {period} — {area}. Repose sur moins de {k} repérages.',
    'statistics.screenings.groupsCaption':
      'Repérages ayant relevé des indicateurs de chaque groupe — {period} — {area}. Un repérage peut compter dans plusieurs groupes : les lignes ne s’additionnent pas.',
    'statistics.screenings.suggestionHead': 'Suggestion du formulaire',
    'statistics.screenings.groupHead': 'Groupe d’indicateurs',
    'statistics.screenings.referred': 'Ont mené à une orientation',
    'statistics.screenings.notReferred': 'Sans orientation',
    'statistics.screenings.s.PossibleVictimOfTrafficking': 'Victime potentielle de la traite',
    'statistics.screenings.s.furtherAssessment': 'Indicateurs à approfondir',
    'statistics.screenings.s.noIndicators': 'Aucun indicateur',
    'statistics.screenings.none': 'Aucun repérage sur cette période et dans cette zone.',
    'statistics.screenings.noDistrict':
      'Les repérages n’enregistrent aucun lieu : ils ne peuvent pas être comptés par cercle ou district.',
    'statistics.screenings.locked':
      'Les repérages ne peuvent pas être comptés : données verrouillées.',
    'statistics.screenings.chart': 'Graphique en barres : {caption}',
    'statistics.beds.rule':
      'Les chiffres des lits décrivent des lits, pas des personnes : taux d’occupation, jours complets et part des chiffres périmés ne sont pas masqués. Le nombre de lits occupés jour par jour n’est pas exporté.',
  },
  {
    'statistics.area.district': 'One district',
    'statistics.district': 'District',
    'statistics.districtNote':
      'At district level the figures are this office’s referrals, placed where the receiving service is: other offices publish their figures by region, and where the person is is not recorded.',
    'statistics.screenings.title': 'Screenings',
    'statistics.screenings.intro':
      'Every screening counts, whether it led to a referral or not. A screening records no place: it counts in its office and in that office’s region.',
    'statistics.screenings.caption':
      'Screenings — {period} — {area}. Based on {records} screenings.',
    'statistics.screenings.captionSmall':
      'Screenings — {period} — {area}. Based on fewer than {k} screenings.',
    'statistics.screenings.groupsCaption':
      'Screenings that found indicators of each group — {period} — {area}. A screening may count in several groups: the rows do not add up.',
    'statistics.screenings.suggestionHead': 'Suggestion of the form',
    'statistics.screenings.groupHead': 'Indicator group',
    'statistics.screenings.referred': 'Led to a referral',
    'statistics.screenings.notReferred': 'No referral',
    'statistics.screenings.s.PossibleVictimOfTrafficking': 'Possible victim of trafficking',
    'statistics.screenings.s.furtherAssessment': 'Indicators to assess further',
    'statistics.screenings.s.noIndicators': 'No indicator',
    'statistics.screenings.none': 'No screening in this period and area.',
    'statistics.screenings.noDistrict':
      'Screenings record no place: they cannot be counted by district.',
    'statistics.screenings.locked': 'Screenings cannot be counted: the data is locked.',
    'statistics.screenings.chart': 'Bar chart: {caption}',
    'statistics.beds.rule':
      'Bed figures describe beds, not persons: occupancy, days full and the share of stale figures are not suppressed. Occupied beds day by day are not exported.',
  },
  {
    'statistics.area.district': 'Um distrito',
    'statistics.district': 'Distrito',
    'statistics.districtNote':
      'Ao nível do distrito, os números são os encaminhamentos deste escritório, situados onde está o serviço que recebe: os outros escritórios publicam os seus números por província, e o local da pessoa não é registado.',
    'statistics.screenings.title': 'Triagens',
    'statistics.screenings.intro':
      'Cada triagem conta, tenha ou não levado a um encaminhamento. Uma triagem não regista nenhum local: conta no seu escritório e na província desse escritório.',
    'statistics.screenings.caption':
      'Triagens — {period} — {area}. Com base em {records} triagens.',
    'statistics.screenings.captionSmall':
      'Triagens — {period} — {area}. Com base em menos de {k} triagens.',
    'statistics.screenings.groupsCaption':
      'Triagens que encontraram indicadores de cada grupo — {period} — {area}. Uma triagem pode contar em vários grupos: as linhas não se somam.',
    'statistics.screenings.suggestionHead': 'Sugestão do formulário',
    'statistics.screenings.groupHead': 'Grupo de indicadores',
    'statistics.screenings.referred': 'Levaram a um encaminhamento',
    'statistics.screenings.notReferred': 'Sem encaminhamento',
    'statistics.screenings.s.PossibleVictimOfTrafficking': 'Possível vítima de tráfico',
    'statistics.screenings.s.furtherAssessment': 'Indicadores a aprofundar',
    'statistics.screenings.s.noIndicators': 'Nenhum indicador',
    'statistics.screenings.none': 'Nenhuma triagem neste período e nesta área.',
    'statistics.screenings.noDistrict':
      'As triagens não registam nenhum local: não podem ser contadas por distrito.',
    'statistics.screenings.locked': 'As triagens não podem ser contadas: dados bloqueados.',
    'statistics.screenings.chart': 'Gráfico de barras: {caption}',
    'statistics.beds.rule':
      'Os números das camas descrevem camas, não pessoas: ocupação, dias lotados e parte de números desatualizados não são ocultados. As camas ocupadas dia a dia não são exportadas.',
  },
  {
    'statistics.area.district': 'دائرة أو مديرية واحدة',
    'statistics.district': 'الدائرة أو المديرية',
    'statistics.districtNote':
      'على مستوى الدائرة أو المديرية، الأرقام هي إحالات هذا المكتب، محسوبة في مكان الخدمة المستقبِلة: المكاتب الأخرى تنشر أرقامها حسب المنطقة، ومكان الشخص غير مسجَّل.',
    'statistics.screenings.title': 'عمليات الفرز',
    'statistics.screenings.intro':
      'تُحسب كل عملية فرز، سواء أدت إلى إحالة أم لا. لا تسجّل عملية الفرز أي مكان: تُحسب في مكتبها وفي منطقة هذا المكتب.',
    'statistics.screenings.caption':
      'عمليات الفرز — {period} — {area}. بناءً على {records} عملية فرز.',
    'statistics.screenings.captionSmall':
      'عمليات الفرز — {period} — {area}. بناءً على أقل من {k} عمليات فرز.',
    'statistics.screenings.groupsCaption':
      'عمليات الفرز التي وجدت مؤشرات من كل مجموعة — {period} — {area}. قد تُحسب عملية الفرز في عدة مجموعات: لا تُجمع الصفوف.',
    'statistics.screenings.suggestionHead': 'اقتراح الاستمارة',
    'statistics.screenings.groupHead': 'مجموعة المؤشرات',
    'statistics.screenings.referred': 'أدت إلى إحالة',
    'statistics.screenings.notReferred': 'دون إحالة',
    'statistics.screenings.s.PossibleVictimOfTrafficking': 'ضحية محتملة للاتجار',
    'statistics.screenings.s.furtherAssessment': 'مؤشرات تستدعي تقييمًا أعمق',
    'statistics.screenings.s.noIndicators': 'لا مؤشرات',
    'statistics.screenings.none': 'لا توجد عمليات فرز في هذه الفترة وهذه المنطقة.',
    'statistics.screenings.noDistrict':
      'لا تسجّل عمليات الفرز أي مكان: لا يمكن عدّها حسب الدائرة أو المديرية.',
    'statistics.screenings.locked': 'لا يمكن عدّ عمليات الفرز: البيانات مقفلة.',
    'statistics.screenings.chart': 'مخطط أعمدة: {caption}',
    'statistics.beds.rule':
      'أرقام الأسرّة تصف الأسرّة لا الأشخاص: لا تُحجب نسبة الإشغال وأيام الامتلاء وحصة الأرقام القديمة. ولا تُصدَّر الأسرّة المشغولة يومًا بيوم.',
  },
);
