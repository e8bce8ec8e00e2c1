import { defineMessages } from '../define';

export const map = defineMessages(
  {
    'map.title': 'Carte des services',
    'map.label': 'Carte des services',
    'map.hint':
      'Cliquez sur un symbole pour sa fiche, sur une région pour la filtrer ; clic droit : services les plus proches.',
    'map.side': 'Services de la carte',
    'map.summary':
      '{count, plural, =0 {Aucun lieu sur la carte} one {# lieu sur la carte} other {# lieux sur la carte}}',
    'map.unplaced':
      '{count, plural, one {# lieu sans coordonnées n’y figure pas} other {# lieux sans coordonnées n’y figurent pas}}',
    'map.restrictedShown':
      '{count, plural, one {# lieu restreint placé au centre de sa région} other {# lieux restreints placés au centre de leur région}}',
    'map.restrictedHidden':
      '{count, plural, one {# lieu restreint masqué} other {# lieux restreints masqués}}',
    'map.nearCentre': 'Services les plus proches du centre de la carte',
    'map.nearHere': 'Services les plus proches d’ici',
    'map.nearTitle': 'Les plus proches du point marqué',
    'map.nearEmpty': 'Aucun service sur la carte avec ces filtres.',
    'map.nearClose': 'Fermer cette liste',
    'map.inView':
      '{count, plural, =0 {Aucun service dans la vue} one {# service dans la vue} other {# services dans la vue}}',
    'map.inViewNone': 'Déplacez ou dézoomez la carte, ou modifiez les filtres.',
    'map.inViewMore':
      '{count, plural, one {et # autre : zoomez pour le voir} other {et # autres : zoomez pour les voir}}',
    'map.approximate': 'lieu restreint, position approximative',
    'map.sameCentre': 'au même centre de région',
    'map.legend': 'Légende',
    'map.legend.cluster': 'Plusieurs services (cliquer pour zoomer)',
    'map.legend.restricted': 'Lieu restreint, placé au centre de sa région',
    'map.legend.bedsFree': 'Hébergement : nombre de lits libres',
    'map.legend.bedsFull': 'Hébergement complet',
    'map.legend.bedsClosed': 'Hébergement fermé',
    'map.legend.bedsUnknown': 'Places anciennes ou non renseignées : appeler avant d’orienter',
    'map.confidentialNote':
      'Adresse protégée, montrée à sa vraie place pour votre rôle : ne la communiquez pas.',
    'map.here': '{count, plural, one {# service à cet endroit} other {# services à cet endroit}}',
    'map.more': '{count, plural, one {et # autre} other {et # autres}}',
    'map.phone': 'Téléphone :',
    'map.restrictedNote': 'Adresse protégée : placé au centre de la région {region}.',
    'map.openDetail': 'Voir la fiche',
    'map.closePopup': 'Fermer',
    'map.zoomIn': 'Zoomer',
    'map.zoomOut': 'Dézoomer',
    'map.attribution.base': 'Leaflet · Fond de carte Natural Earth (domaine public)',
    'map.attribution.osm': 'Tuiles © contributeurs OpenStreetMap',
    'map.attribution.other': 'Tuiles : {host}',
    'map.tilesFailed':
      'Les tuiles en ligne ne se chargent pas : le fond de carte hors ligne reste affiché.',
    'map.nearby.title': 'Services proches de celui-ci',
    'map.nearby.empty': 'Aucun autre service localisé.',
    'map.nearby.noPosition':
      'Ce service n’a pas de coordonnées : les distances ne peuvent pas être calculées.',
    'map.nearby.fromCentre':
      'Lieu restreint : distances comptées depuis le centre de la région {region}.',
    'map.picker.label': 'Carte pour placer le service',
    'map.picker.hint':
      'Cliquez sur la carte pour remplir la latitude et la longitude, ou saisissez-les.',
    'map.settings.title': 'Carte',
    'map.settings.restricted':
      'Lieux restreints (adresse protégée, par ex. un refuge), pour les rôles qui ne peuvent pas voir leur adresse',
    'map.settings.restricted.region-centre':
      'Les montrer au centre de leur région, avec un symbole « lieu restreint »',
    'map.settings.restricted.hidden': 'Ne pas les montrer sur la carte',
    'map.settings.onlineTiles': 'Afficher un fond de carte en ligne (tuiles)',
    'map.settings.tilesHint':
      'Chaque tuile demandée indique au serveur de tuiles la zone que vous regardez. Sans réseau, le fond hors ligne reste affiché.',
    'map.settings.tileUrl': 'Adresse des tuiles',
    'map.settings.tileUrlHint':
      "Modèle https contenant '{z}', '{x}' et '{y}', par exemple https://tile.openstreetmap.org/'{z}/{x}/{y}'.png",
    'map.settings.error.https': 'L’adresse doit commencer par https:// suivi du nom d’un serveur.',
    'map.settings.error.placeholders': "L’adresse doit contenir '{z}', '{x}' et '{y}'.",
    'map.settings.saved': 'Préférences de la carte enregistrées.',
    'map.settings.save': 'Enregistrer les préférences de la carte',
  },
  {
    'map.title': 'Map of services',
    'map.label': 'Map of services',
    'map.hint':
      'Click a symbol for its record, a region to filter to it; right-click: nearest services.',
    'map.side': 'Services on the map',
    'map.summary':
      '{count, plural, =0 {No place on the map} one {# place on the map} other {# places on the map}}',
    'map.unplaced':
      '{count, plural, one {# place without coordinates is not shown} other {# places without coordinates are not shown}}',
    'map.restrictedShown':
      '{count, plural, one {# restricted place shown at its region’s centre} other {# restricted places shown at their region’s centre}}',
    'map.restrictedHidden':
      '{count, plural, one {# restricted place hidden} other {# restricted places hidden}}',
    'map.nearCentre': 'Services nearest the centre of the map',
    'map.nearHere': 'Services nearest here',
    'map.nearTitle': 'Nearest the marked point',
    'map.nearEmpty': 'No service on the map with these filters.',
    'map.nearClose': 'Close this list',
    'map.inView':
      '{count, plural, =0 {No service in view} one {# service in view} other {# services in view}}',
    'map.inViewNone': 'Move or zoom out the map, or change the filters.',
    'map.inViewMore':
      '{count, plural, one {and # more: zoom in to see it} other {and # more: zoom in to see them}}',
    'map.approximate': 'restricted place, approximate position',
    'map.sameCentre': 'at the same region centre',
    'map.legend': 'Legend',
    'map.legend.cluster': 'Several services (click to zoom in)',
    'map.legend.restricted': 'Restricted place, shown at its region’s centre',
    'map.legend.bedsFree': 'Shelter: number of free beds',
    'map.legend.bedsFull': 'Shelter full',
    'map.legend.bedsClosed': 'Shelter closed',
    'map.legend.bedsUnknown': 'Beds out of date or not given: call before referring',
    'map.confidentialNote':
      'Protected address, shown where it is for your role: do not pass it on.',
    'map.here': '{count, plural, one {# service at this spot} other {# services at this spot}}',
    'map.more': '{count, plural, one {and # more} other {and # more}}',
    'map.phone': 'Phone:',
    'map.restrictedNote': 'Protected address: shown at the centre of {region}.',
    'map.openDetail': 'Open the record',
    'map.closePopup': 'Close',
    'map.zoomIn': 'Zoom in',
    'map.zoomOut': 'Zoom out',
    'map.attribution.base': 'Leaflet · Basemap Natural Earth (public domain)',
    'map.attribution.osm': 'Tiles © OpenStreetMap contributors',
    'map.attribution.other': 'Tiles: {host}',
    'map.tilesFailed': 'Online tiles are not loading: the offline basemap stays on screen.',
    'map.nearby.title': 'Services near this one',
    'map.nearby.empty': 'No other service with a position.',
    'map.nearby.noPosition': 'This service has no coordinates: distances cannot be computed.',
    'map.nearby.fromCentre': 'Restricted place: distances measured from the centre of {region}.',
    'map.picker.label': 'Map to place the service',
    'map.picker.hint': 'Click on the map to fill in latitude and longitude, or type them.',
    'map.settings.title': 'Map',
    'map.settings.restricted':
      'Restricted places (protected address, e.g. a shelter), for roles that may not see their address',
    'map.settings.restricted.region-centre':
      'Show them at their region’s centre, with a “restricted place” symbol',
    'map.settings.restricted.hidden': 'Do not show them on the map',
    'map.settings.onlineTiles': 'Show an online basemap (tiles)',
    'map.settings.tilesHint':
      'Every tile requested tells the tile server which area you are looking at. Without a network, the offline basemap stays on screen.',
    'map.settings.tileUrl': 'Tile address',
    'map.settings.tileUrlHint':
      "An https template containing '{z}', '{x}' and '{y}', for example https://tile.openstreetmap.org/'{z}/{x}/{y}'.png",
    'map.settings.error.https': 'The address must start with https:// followed by a server name.',
    'map.settings.error.placeholders': "The address must contain '{z}', '{x}' and '{y}'.",
    'map.settings.saved': 'Map preferences saved.',
    'map.settings.save': 'Save map preferences',
  },
  {
    'map.title': 'Mapa dos serviços',
    'map.label': 'Mapa dos serviços',
    'map.hint':
      'Clique num símbolo para ver a ficha, numa província para a filtrar; clique direito: serviços mais próximos.',
    'map.side': 'Serviços do mapa',
    'map.summary':
      '{count, plural, =0 {Nenhum local no mapa} one {# local no mapa} other {# locais no mapa}}',
    'map.unplaced':
      '{count, plural, one {# local sem coordenadas não aparece} other {# locais sem coordenadas não aparecem}}',
    'map.restrictedShown':
      '{count, plural, one {# local restrito colocado no centro da sua província} other {# locais restritos colocados no centro da sua província}}',
    'map.restrictedHidden':
      '{count, plural, one {# local restrito oculto} other {# locais restritos ocultos}}',
    'map.nearCentre': 'Serviços mais próximos do centro do mapa',
    'map.nearHere': 'Serviços mais próximos daqui',
    'map.nearTitle': 'Mais próximos do ponto marcado',
    'map.nearEmpty': 'Nenhum serviço no mapa com estes filtros.',
    'map.nearClose': 'Fechar esta lista',
    'map.inView':
      '{count, plural, =0 {Nenhum serviço na vista} one {# serviço na vista} other {# serviços na vista}}',
    'map.inViewNone': 'Desloque ou reduza o zoom do mapa, ou altere os filtros.',
    'map.inViewMore':
      '{count, plural, one {e mais #: aumente o zoom para o ver} other {e mais #: aumente o zoom para os ver}}',
    'map.approximate': 'local restrito, posição aproximada',
    'map.sameCentre': 'no mesmo centro de província',
    'map.legend': 'Legenda',
    'map.legend.cluster': 'Vários serviços (clique para aumentar o zoom)',
    'map.legend.restricted': 'Local restrito, colocado no centro da sua província',
    'map.legend.bedsFree': 'Casa de acolhimento: número de camas livres',
    'map.legend.bedsFull': 'Casa de acolhimento cheia',
    'map.legend.bedsClosed': 'Casa de acolhimento fechada',
    'map.legend.bedsUnknown': 'Vagas antigas ou não indicadas: telefone antes de encaminhar',
    'map.confidentialNote':
      'Endereço protegido, mostrado no seu lugar real para a sua função: não o divulgue.',
    'map.here': '{count, plural, one {# serviço neste local} other {# serviços neste local}}',
    'map.more': '{count, plural, one {e mais #} other {e mais #}}',
    'map.phone': 'Telefone:',
    'map.restrictedNote': 'Endereço protegido: colocado no centro da província {region}.',
    'map.openDetail': 'Ver a ficha',
    'map.closePopup': 'Fechar',
    'map.zoomIn': 'Aumentar o zoom',
    'map.zoomOut': 'Reduzir o zoom',
    'map.attribution.base': 'Leaflet · Mapa de base Natural Earth (domínio público)',
    'map.attribution.osm': 'Mosaicos © contribuidores do OpenStreetMap',
    'map.attribution.other': 'Mosaicos: {host}',
    'map.tilesFailed':
      'Os mosaicos em linha não carregam: o mapa de base offline continua visível.',
    'map.nearby.title': 'Serviços perto deste',
    'map.nearby.empty': 'Nenhum outro serviço localizado.',
    'map.nearby.noPosition':
      'Este serviço não tem coordenadas: as distâncias não podem ser calculadas.',
    'map.nearby.fromCentre':
      'Local restrito: distâncias medidas a partir do centro da província {region}.',
    'map.picker.label': 'Mapa para localizar o serviço',
    'map.picker.hint': 'Clique no mapa para preencher a latitude e a longitude, ou escreva-as.',
    'map.settings.title': 'Mapa',
    'map.settings.restricted':
      'Locais restritos (endereço protegido, por ex. uma casa de acolhimento), para as funções que não podem ver o seu endereço',
    'map.settings.restricted.region-centre':
      'Mostrá-los no centro da sua província, com um símbolo de «local restrito»',
    'map.settings.restricted.hidden': 'Não os mostrar no mapa',
    'map.settings.onlineTiles': 'Mostrar um mapa de base em linha (mosaicos)',
    'map.settings.tilesHint':
      'Cada mosaico pedido indica ao servidor de mosaicos a zona que está a ver. Sem rede, o mapa de base offline continua visível.',
    'map.settings.tileUrl': 'Endereço dos mosaicos',
    'map.settings.tileUrlHint':
      "Modelo https que contenha '{z}', '{x}' e '{y}', por exemplo https://tile.openstreetmap.org/'{z}/{x}/{y}'.png",
    'map.settings.error.https':
      'O endereço deve começar por https:// seguido do nome de um servidor.',
    'map.settings.error.placeholders': "O endereço deve conter '{z}', '{x}' e '{y}'.",
    'map.settings.saved': 'Preferências do mapa guardadas.',
    'map.settings.save': 'Guardar as preferências do mapa',
  },
  {
    'map.title': 'خريطة الخدمات',
    'map.label': 'خريطة الخدمات',
    'map.hint': 'انقر على رمز لعرض بطاقته، وعلى منطقة لتصفيتها؛ النقر بالزر الأيمن: أقرب الخدمات.',
    'map.side': 'خدمات الخريطة',
    'map.summary':
      '{count, plural, =0 {لا توجد أماكن على الخريطة} one {مكان واحد على الخريطة} two {مكانان على الخريطة} few {# أماكن على الخريطة} many {# مكاناً على الخريطة} other {# مكان على الخريطة}}',
    'map.unplaced':
      '{count, plural, one {مكان واحد بلا إحداثيات لا يظهر} two {مكانان بلا إحداثيات لا يظهران} few {# أماكن بلا إحداثيات لا تظهر} many {# مكاناً بلا إحداثيات لا تظهر} other {# مكان بلا إحداثيات لا تظهر}}',
    'map.restrictedShown':
      '{count, plural, one {مكان مقيَّد واحد موضوع في مركز منطقته} two {مكانان مقيَّدان موضوعان في مركز منطقتهما} few {# أماكن مقيَّدة موضوعة في مركز مناطقها} many {# مكاناً مقيَّداً موضوعة في مركز مناطقها} other {# مكان مقيَّد موضوعة في مركز مناطقها}}',
    'map.restrictedHidden':
      '{count, plural, one {مكان مقيَّد واحد مخفي} two {مكانان مقيَّدان مخفيان} few {# أماكن مقيَّدة مخفية} many {# مكاناً مقيَّداً مخفياً} other {# مكان مقيَّد مخفي}}',
    'map.nearCentre': 'أقرب الخدمات إلى مركز الخريطة',
    'map.nearHere': 'أقرب الخدمات إلى هنا',
    'map.nearTitle': 'الأقرب إلى النقطة المحددة',
    'map.nearEmpty': 'لا توجد خدمات على الخريطة بهذه المرشحات.',
    'map.nearClose': 'إغلاق هذه القائمة',
    'map.inView':
      '{count, plural, =0 {لا توجد خدمات في العرض} one {خدمة واحدة في العرض} two {خدمتان في العرض} few {# خدمات في العرض} many {# خدمةً في العرض} other {# خدمة في العرض}}',
    'map.inViewNone': 'حرّك الخريطة أو صغّرها، أو غيّر المرشحات.',
    'map.inViewMore':
      '{count, plural, one {وواحدة أخرى: كبّر لرؤيتها} two {واثنتان أخريان: كبّر لرؤيتهما} few {و# أخرى: كبّر لرؤيتها} many {و# أخرى: كبّر لرؤيتها} other {و# أخرى: كبّر لرؤيتها}}',
    'map.approximate': 'مكان مقيَّد، موقع تقريبي',
    'map.sameCentre': 'في مركز المنطقة نفسه',
    'map.legend': 'مفتاح الخريطة',
    'map.legend.cluster': 'عدة خدمات (انقر للتكبير)',
    'map.legend.restricted': 'مكان مقيَّد، موضوع في مركز منطقته',
    'map.legend.bedsFree': 'دار إيواء: عدد الأسرّة الشاغرة',
    'map.legend.bedsFull': 'دار إيواء ممتلئة',
    'map.legend.bedsClosed': 'دار إيواء مغلقة',
    'map.legend.bedsUnknown': 'أعداد قديمة أو غير مدخلة: اتصل قبل الإحالة',
    'map.confidentialNote': 'عنوان محمي، يُعرض في موقعه الحقيقي بحكم دورك: لا تُفصح عنه.',
    'map.here':
      '{count, plural, one {خدمة واحدة في هذا الموقع} two {خدمتان في هذا الموقع} few {# خدمات في هذا الموقع} many {# خدمةً في هذا الموقع} other {# خدمة في هذا الموقع}}',
    'map.more':
      '{count, plural, one {وواحدة أخرى} two {واثنتان أخريان} few {و# أخرى} many {و# أخرى} other {و# أخرى}}',
    'map.phone': 'الهاتف:',
    'map.restrictedNote': 'عنوان محمي: موضوع في مركز منطقة {region}.',
    'map.openDetail': 'عرض البطاقة',
    'map.closePopup': 'إغلاق',
    'map.zoomIn': 'تكبير',
    'map.zoomOut': 'تصغير',
    'map.attribution.base': 'Leaflet · خريطة الأساس Natural Earth (ملك عام)',
    'map.attribution.osm': 'البلاطات © المساهمون في OpenStreetMap',
    'map.attribution.other': 'البلاطات: {host}',
    'map.tilesFailed': 'لا يتم تحميل البلاطات عبر الإنترنت: تبقى خريطة الأساس غير المتصلة معروضة.',
    'map.nearby.title': 'خدمات قريبة من هذه الخدمة',
    'map.nearby.empty': 'لا توجد خدمة أخرى محددة الموقع.',
    'map.nearby.noPosition': 'لا توجد إحداثيات لهذه الخدمة: لا يمكن حساب المسافات.',
    'map.nearby.fromCentre': 'مكان مقيَّد: المسافات محسوبة من مركز منطقة {region}.',
    'map.picker.label': 'خريطة لتحديد موقع الخدمة',
    'map.picker.hint': 'انقر على الخريطة لملء خط العرض وخط الطول، أو اكتبهما.',
    'map.settings.title': 'الخريطة',
    'map.settings.restricted':
      'الأماكن المقيَّدة (عنوان محمي، مثل دار إيواء)، للأدوار التي لا يحق لها رؤية عنوانها',
    'map.settings.restricted.region-centre': 'عرضها في مركز منطقتها، برمز «مكان مقيَّد»',
    'map.settings.restricted.hidden': 'عدم عرضها على الخريطة',
    'map.settings.onlineTiles': 'عرض خريطة أساس عبر الإنترنت (بلاطات)',
    'map.settings.tilesHint':
      'كل بلاطة تُطلب تُخبر خادم البلاطات بالمنطقة التي تنظر إليها. ودون شبكة، تبقى خريطة الأساس غير المتصلة معروضة.',
    'map.settings.tileUrl': 'عنوان البلاطات',
    'map.settings.tileUrlHint':
      "قالب https يتضمن '{z}' و'{x}' و'{y}'، مثلاً https://tile.openstreetmap.org/'{z}/{x}/{y}'.png",
    'map.settings.error.https': 'يجب أن يبدأ العنوان بـ https:// متبوعاً باسم خادم.',
    'map.settings.error.placeholders': "يجب أن يتضمن العنوان '{z}' و'{x}' و'{y}'.",
    'map.settings.saved': 'حُفظت تفضيلات الخريطة.',
    'map.settings.save': 'حفظ تفضيلات الخريطة',
  },
);
