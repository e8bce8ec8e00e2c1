/**
 * "Where to go now": from where the person is (the office, a region, a point picked on a small
 * map), the hotlines to call first, then for each need the services that meet it, nearest
 * first, with free beds for this person's population and their age, languages and delays.
 * Positions are the map's placed points: a restricted shelter stays at its region's centre
 * for a user who may not see it.
 */
import { useMemo, useState } from 'react';
import { areaByCode, profileFor } from '@shared/domain/directory/areas';
import type { LatLon } from '@shared/domain/map/geo';
import { placeServices } from '@shared/domain/map/placement';
import { personPopulation } from '@shared/domain/screening/assess';
import type { Origin, ScreeningRecord, ScreeningSet } from '@shared/domain/screening/schema';
import type { Option } from '@shared/domain/screening/whereToGo';
import { whereToGo } from '@shared/domain/screening/whereToGo';
import { useOffice } from '../../app/data';
import { useT } from '../../app/i18n';
import { Field } from '../../ui/Field';
import { useSession } from '../accounts/session';
import { FigureAge } from '../capacity/Age';
import { useCapacitySummaries, useNow, useStaleAfterHours } from '../capacity/hooks';
import { regionName, useDirectoryViews } from '../directory/useDirectory';
import { CoordinatePicker } from '../map/CoordinatePicker';
import { useFormatDistance } from '../map/ServiceLists';
import { usePreferences } from '../map/useMapData';
import { useLocalized } from './hooks';

export const WhereToGoView = ({
  record,
  set,
  officeArea,
  onRefer,
}: {
  record: ScreeningRecord;
  set: ScreeningSet;
  officeArea: string | null;
  onRefer: (serviceId: string, needIds: string[]) => void;
}) => {
  const t = useT();
  const text = useLocalized();
  const office = useOffice();
  const profile = profileFor(office.country);
  const { user } = useSession();
  const views = useDirectoryViews();
  const prefs = usePreferences();
  const shelters = useCapacitySummaries();
  const staleAfterHours = useStaleAfterHours();
  const now = useNow();
  const [origin, setOrigin] = useState<Origin>({ kind: 'office' });
  const officeAt = useMemo(
    (): LatLon => (officeArea && areaByCode(officeArea)?.center) || profile?.center || [0, 0],
    [officeArea, profile],
  );
  const at = useMemo(
    (): LatLon =>
      origin.kind === 'region'
        ? (areaByCode(origin.code)?.center ?? officeAt)
        : origin.kind === 'point'
          ? [origin.lat, origin.lon]
          : officeAt,
    [origin, officeAt],
  );
  const { input, assessment } = record.content;
  const population = personPopulation(input);
  const result = useMemo(() => {
    if (!views || !prefs || !shelters) return undefined;
    const byId = new Map(set.needs.map((n) => [n.id, n]));
    return whereToGo({
      needs: assessment.needs.flatMap((id) => byId.get(id) ?? []),
      population,
      languages: input.languages,
      origin: at,
      points: placeServices(views, prefs.restrictedLocations, user).points,
      views: new Map(views.map((v) => [v.service.id, v])),
      shelters,
      now,
      staleAfterHours,
    });
  }, [views, prefs, shelters, set, assessment, population, input, at, user, now, staleAfterHours]);

  return (
    <section className="panel tight screening-where" aria-labelledby="where-title">
      <h2 id="where-title">{t('screening.where.title')}</h2>
      <fieldset className="inner">
        <legend>{t('screening.origin')}</legend>
        {(['office', 'region', 'point'] as const).map((kind) => (
          <label key={kind} className="checkbox">
            <input
              type="radio"
              name="screening-origin"
              checked={origin.kind === kind}
              onChange={() =>
                setOrigin(
                  kind === 'region'
                    ? { kind, code: officeArea ?? profile?.areas[0]?.code ?? '' }
                    : kind === 'point'
                      ? { kind, lat: officeAt[0], lon: officeAt[1] }
                      : { kind },
                )
              }
            />
            {t(`screening.origin.${kind}`)}
            {kind === 'office' && officeArea ? ` (${regionName(officeArea)})` : ''}
          </label>
        ))}
      </fieldset>
      {origin.kind === 'region' && (
        <Field label={t('screening.origin.regionField')}>
          {(p) => (
            <select
              {...p}
              value={origin.code}
              onChange={(e) => setOrigin({ kind: 'region', code: e.target.value })}
            >
              {profile?.areas.map((a) => (
                <option key={a.code} value={a.code}>
                  {a.name}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      {origin.kind === 'point' && (
        <div className="screening-map">
          <p className="hint">{t('screening.origin.pickHint')}</p>
          <CoordinatePicker
            areaCode={officeArea ?? profile?.areas[0]?.code ?? ''}
            latitude={origin.lat}
            longitude={origin.lon}
            onPick={(lat, lon) => setOrigin({ kind: 'point', lat, lon })}
          />
        </div>
      )}
      {population && (
        <p className="muted">
          {t('screening.population', { population: t(`population.${population}`) })}
        </p>
      )}
      {!result ? (
        <p role="status">{t('status.loading')}</p>
      ) : (
        <>
          <h3>{t('screening.hotlines')}</h3>
          {result.hotlines.length === 0 ? (
            <p className="muted">{t('screening.hotlines.none')}</p>
          ) : (
            <Options options={result.hotlines} staleAfterHours={staleAfterHours} now={now} />
          )}
          {result.byNeed.map(({ need, options }) => (
            <div key={need.id} className="screening-need">
              <h3>{text(need.label)}</h3>
              {options.length === 0 ? (
                <p className="muted">{t('screening.options.none')}</p>
              ) : (
                <Options
                  options={options}
                  staleAfterHours={staleAfterHours}
                  now={now}
                  onRefer={(serviceId) => onRefer(serviceId, [need.id])}
                />
              )}
            </div>
          ))}
        </>
      )}
    </section>
  );
};

const Options = ({
  options,
  staleAfterHours,
  now,
  onRefer,
}: {
  options: Option[];
  staleAfterHours: number;
  now: number;
  onRefer?: (serviceId: string) => void;
}) => {
  const t = useT();
  const distance = useFormatDistance();
  return (
    <ol className="plain screening-options">
      {options.map((o) => (
        <li key={o.serviceId} className={`screening-option tier-${o.tier}`}>
          <div className="screening-option-head">
            <a href={`#/services/${encodeURIComponent(o.serviceId)}`}>
              <bdi>{o.name}</bdi>
            </a>{' '}
            <span className="muted">
              {t(`category.${o.category}`)} · {distance(o.km)}
              {o.approximate && ` · ${t('screening.option.approx')}`}
            </span>
          </div>
          {o.beds && <Beds option={o} staleAfterHours={staleAfterHours} now={now} />}
          <ul className="plain screening-facts">
            {o.phone && (
              <li>
                <bdi dir="ltr">{o.phone}</bdi>
              </li>
            )}
            {o.speaks !== 'unknown' && <li>{t(`screening.speaks.${o.speaks}`)}</li>}
            {o.responseDelayHours !== null && (
              <li>{t('screening.delay', { hours: o.responseDelayHours })}</li>
            )}
          </ul>
          {onRefer && (
            <button
              type="button"
              className={o.tier === 0 ? 'primary' : ''}
              aria-label={t('screening.referTo', { name: o.name })}
              onClick={() => onRefer(o.serviceId)}
            >
              {t('screening.refer')}
            </button>
          )}
        </li>
      ))}
    </ol>
  );
};

const Beds = ({
  option: o,
  staleAfterHours,
  now,
}: {
  option: Option;
  staleAfterHours: number;
  now: number;
}) => {
  const t = useT();
  const b = o.beds!;
  const pop = b.population ? t(`population.${b.population}`) : '';
  return (
    <p className={`screening-beds ${b.free > 0 ? 'beds-free' : 'beds-none'}`}>
      {b.population && !b.serves
        ? t('screening.beds.notServed', { population: pop })
        : b.status === 'closed' || b.status === 'temporarily_closed' || b.status === 'full'
          ? t('screening.beds.closed')
          : b.population
            ? t('screening.beds.free', { count: b.free, population: pop })
            : t('screening.beds.freeAll', { count: b.free })}
      {/* A shelter that does not take this person: its figures' age says nothing useful. */}
      {(!b.population || b.serves) && (
        <FigureAge stamp={b.stamp} now={now} staleAfterHours={staleAfterHours} />
      )}
      {o.tier === 1 && <span className="warning"> {t('screening.beds.callFirst')}</span>}
    </p>
  );
};
