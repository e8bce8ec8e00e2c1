/**
 * The services on the map: the canvas marker layer, its clicks (a cluster zooms in, a marker
 * opens its popup), a click elsewhere selecting the region under it, and a right-click asking
 * for the services nearest that point. Shelters carry their beds (capacity) as a badge and in
 * the popup, kept up to date as figures are saved or grow old.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { LeafletMouseEvent } from 'leaflet';
import { Popup, useMap } from 'react-leaflet';
import { capacityMarks } from '@shared/domain/capacity/marker';
import { regionAt } from '@shared/domain/map/basemap';
import type { LatLon } from '@shared/domain/map/geo';
import type { MapPoint } from '@shared/domain/map/placement';
import { useLocale } from '../../app/i18n';
import { useCapacityBadges } from '../capacity/CapacityBadge';
import { ShelterBeds } from '../capacity/ShelterBeds';
import { useFilters } from '../directory/filterState';
import { basemap } from './basemapData';
import { MARKERS_PANE } from './MapFrame';
import { MarkerCanvasLayer } from './markerLayer';
import type { Drawn } from './markerLayer';
import { MarkerPopup } from './MarkerPopup';
import { focusWhenReady } from '../../ui/focus';
import type { MapData } from './useMapData';

/** A popup's content belongs to the data it was opened on: new filters close it. */
type Selection = { at: [number, number]; points: MapPoint[]; data: MapData };

/** Long enough to tell a click from the first half of a double-click (which zooms). */
const CLICK_DELAY_MS = 280;
const POPUP_LIMIT = 50;
/** Close enough to tell a service from its neighbours in a town. */
const FOCUS_ZOOM = 11;

export const ServiceMarkers = ({
  data,
  onRegion,
  onNear,
  focus,
}: {
  data: MapData;
  onRegion?: (code: string) => void;
  onNear: (at: LatLon) => void;
  /** Centre on this service and open its popup; a new nonce opens it again. */
  focus?: { serviceId: string; nonce: number };
}) => {
  const map = useMap();
  const { intlLocale: locale } = useLocale();
  const layer = useMemo(() => {
    const compact = new Intl.NumberFormat(locale, { notation: 'compact' });
    return new MarkerCanvasLayer({
      pane: MARKERS_PANE,
      describe: true,
      formatCount: (n) => compact.format(n),
    });
  }, [locale]);
  const badges = useCapacityBadges();
  const { freeBedFor } = useFilters().filters;
  const marks = useMemo(
    () =>
      badges.summaries &&
      capacityMarks(badges.summaries.values(), badges.now, badges.staleAfterHours, freeBedFor),
    [badges.summaries, badges.now, badges.staleAfterHours, freeBedFor],
  );
  const [selection, setSelection] = useState<Selection>();
  const selectionRef = useRef<Selection | undefined>(undefined);
  const dataRef = useRef(data);

  useEffect(() => {
    selectionRef.current = selection;
    dataRef.current = data;
  });

  useEffect(() => {
    layer.addTo(map);
    return () => {
      layer.remove();
    };
  }, [map, layer]);

  useEffect(() => {
    layer.setData(data.points, data.index);
  }, [layer, data]);

  useEffect(() => {
    layer.setMarks(marks);
  }, [layer, marks]);

  useEffect(() => {
    let popupWasOpen = false;
    let timer: number | undefined;
    const open = (hit: Drawn) => {
      const { index, points } = dataRef.current;
      const at: [number, number] = [hit.item.lat, hit.item.lon];
      if (hit.item.kind === 'cluster') {
        const zoom = index.expansionZoom(hit.item.id);
        if (zoom <= index.maxZoom) {
          map.setView(at, zoom);
          return;
        }
        // Services sharing one address (or one region centre) never split: list them.
        const leaves = index.leaves(hit.item.id, POPUP_LIMIT).map((i) => points[i]!);
        setSelection({ at, points: leaves, data: dataRef.current });
        return;
      }
      setSelection({
        at,
        points: layer.pointsAt(hit).map((i) => points[i]!),
        data: dataRef.current,
      });
    };
    const handlers = {
      preclick: () => {
        popupWasOpen = selectionRef.current?.data === dataRef.current;
      },
      click: (e: LeafletMouseEvent) => {
        window.clearTimeout(timer);
        const hit = layer.hitAt(e.containerPoint);
        if (hit) return open(hit);
        // A click that closes a popup is only that.
        if (popupWasOpen || !onRegion) return;
        const at: LatLon = [e.latlng.lat, e.latlng.lng];
        timer = window.setTimeout(() => {
          const region = regionAt(basemap().regionShapes, at);
          if (region) onRegion(region.code);
        }, CLICK_DELAY_MS);
      },
      dblclick: () => window.clearTimeout(timer),
      mousemove: (e: LeafletMouseEvent) =>
        map.getContainer().classList.toggle('map-over-marker', !!layer.hitAt(e.containerPoint)),
      contextmenu: (e: LeafletMouseEvent) => {
        const hit = layer.hitAt(e.containerPoint);
        onNear(hit ? [hit.item.lat, hit.item.lon] : [e.latlng.lat, e.latlng.lng]);
      },
    };
    map.on(handlers);
    return () => {
      map.off(handlers);
      window.clearTimeout(timer);
    };
  }, [map, layer, onRegion, onNear]);

  // "View on the map" and the side lists' buttons: centre, open, and move focus into the popup
  // so a keyboard user reaches its links and "near here" without a mouse.
  useEffect(() => {
    if (!focus) return;
    const point = data.points.find((p) => p.serviceId === focus.serviceId);
    if (!point) return;
    const at: [number, number] = [point.lat, point.lon];
    map.setView(at, Math.max(map.getZoom(), FOCUS_ZOOM), { animate: false });
    const here = data.points.filter((p) => p.lat === point.lat && p.lon === point.lon);
    let cancelFocus = () => {};
    const frame = requestAnimationFrame(() => {
      setSelection({ at, points: here, data });
      cancelFocus = focusWhenReady('.leaflet-popup-content a, .leaflet-popup-content button', {
        root: map.getContainer(),
      });
    });
    return () => {
      cancelAnimationFrame(frame);
      cancelFocus();
    };
    // Only a new request (nonce) or new data re-opens it, not each selection change.
  }, [focus, data, map]);

  if (!selection || selection.data !== data) return null;
  return (
    <Popup
      key={`${selection.at.join()}:${selection.points.length}`}
      position={selection.at}
      offset={[0, -6]}
      maxWidth={320}
      eventHandlers={{ remove: () => setSelection(undefined) }}
    >
      <MarkerPopup
        points={selection.points}
        beds={(id) => {
          const summary = badges.summaries?.get(id);
          return (
            summary && (
              <ShelterBeds
                summary={summary}
                now={badges.now}
                staleAfterHours={badges.staleAfterHours}
              />
            )
          );
        }}
        onNear={() => {
          map.closePopup();
          onNear(selection.at);
        }}
      />
    </Popup>
  );
};
