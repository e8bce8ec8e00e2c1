/**
 * A small map in the service form: a click fills latitude and longitude (5 decimals, about a
 * metre). Typed values show as a marker; the form's own warnings (outside the region, swapped
 * latitude/longitude) keep applying to whatever is there. The map frames the chosen region.
 */
import { useEffect, useId } from 'react';
import type { LeafletMouseEvent } from 'leaflet';
import { CircleMarker, useMap } from 'react-leaflet';
import { areaByCode, profileFor } from '@shared/domain/directory/areas';
import { useOffice } from '../../app/data';
import { useT } from '../../app/i18n';
import { MARKERS_PANE, MapFrame } from './MapFrame';
import { toBounds } from './MapScreen';
import { usePreferences } from './useMapData';

const round5 = (v: number) => Math.round(v * 1e5) / 1e5;

const valid = (lat: number | null, lon: number | null): lat is number =>
  lat !== null && lon !== null && Math.abs(lat) <= 90 && Math.abs(lon) <= 180;

const PickerBehaviour = ({
  areaCode,
  onPick,
}: {
  areaCode: string;
  onPick: (lat: number, lon: number) => void;
}) => {
  const map = useMap();
  useEffect(() => {
    const area = areaByCode(areaCode);
    if (area) map.fitBounds(toBounds(area.bbox), { padding: [8, 8], maxZoom: 12 });
  }, [map, areaCode]);
  useEffect(() => {
    const click = (e: LeafletMouseEvent) => {
      const { lat, lng } = e.latlng.wrap();
      onPick(round5(lat), round5(lng));
    };
    map.on('click', click);
    return () => {
      map.off('click', click);
    };
  }, [map, onPick]);
  return null;
};

export const CoordinatePicker = ({
  areaCode,
  latitude,
  longitude,
  onPick,
}: {
  areaCode: string;
  latitude: number | null;
  longitude: number | null;
  onPick: (lat: number, lon: number) => void;
}) => {
  const t = useT();
  const office = useOffice();
  const prefs = usePreferences();
  const hintId = useId();
  const area = areaByCode(areaCode);
  const bbox = area?.bbox ?? profileFor(office.country)?.bbox ?? [-60, -170, 75, 170];
  return (
    <div className="coordinate-picker">
      <p id={hintId} className="hint">
        {t('map.picker.hint')}
      </p>
      <MapFrame
        label={t('map.picker.label')}
        bounds={toBounds(bbox)}
        prefs={prefs}
        selectedRegion={areaCode}
        className="map-small"
      >
        <PickerBehaviour areaCode={areaCode} onPick={onPick} />
        {valid(latitude, longitude) && (
          <CircleMarker
            center={[latitude, longitude!]}
            radius={7}
            pane={MARKERS_PANE}
            interactive={false}
            pathOptions={{ color: '#0b5c8c', weight: 3, fillColor: '#fff', fillOpacity: 1 }}
          />
        )}
      </MapFrame>
    </div>
  );
};
