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
);
