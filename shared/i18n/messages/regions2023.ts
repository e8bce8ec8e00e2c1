import { defineMessages } from '../define';

/** Mali's regions of 2023 (local codes): how statistics count them. */
export const regions2023 = defineMessages(
  {
    'statistics.formedRegionNote':
      'Région créée en 2023 : les chiffres sont ceux des orientations de ce bureau vers les services des cercles qui l’ont formée ; les services enregistrés sans cercle restent comptés dans leur ancienne région, et les autres bureaux publient leurs chiffres par ancienne région.',
  },
  {
    'statistics.formedRegionNote':
      'Region created in 2023: the figures are this office’s referrals to services in the cercles that formed it; services recorded without a cercle are still counted in their former region, and other offices publish their figures by former region.',
  },
  {
    'statistics.formedRegionNote':
      'Região criada em 2023: os números são os encaminhamentos deste gabinete para serviços dos círculos que a formaram; os serviços registados sem círculo continuam contados na antiga região, e os outros gabinetes publicam os seus números por antiga região.',
  },
  {
    'statistics.formedRegionNote':
      'منطقة أُنشئت عام 2023: الأرقام هي إحالات هذا المكتب إلى خدمات الدوائر التي تكوّنت منها؛ أما الخدمات المسجلة دون دائرة فتُحتسب في منطقتها السابقة، وتنشر المكاتب الأخرى أرقامها حسب المنطقة السابقة.',
  },
);
