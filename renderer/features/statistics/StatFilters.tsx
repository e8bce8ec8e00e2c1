/** The statistics screen's choices: period, area, one or two breakdowns, what is counted. */
import { DIMENSION_IDS, type DimensionId } from '@shared/domain/statistics/facts';
import { useLocale, useT } from '../../app/i18n';
import { LabelledControl } from '../directory/Filters';
import { regionName } from '../directory/useDirectory';
import { dimensionLabel, districtLabel } from './labels';
import type { Choice, PeriodKind } from './useStatistics';

const PERIOD_KINDS: readonly PeriodKind[] = ['year', 'quarter', 'month', 'custom'];

export const StatFilters = ({
  choice,
  update,
  years,
  regions,
  offices,
  districts,
  forcedRegion,
}: {
  choice: Choice;
  update: <K extends keyof Choice>(key: K, value: Choice[K]) => void;
  years: readonly number[];
  regions: readonly string[];
  offices: readonly string[];
  districts: readonly string[];
  forcedRegion: string | null;
}) => {
  const t = useT();
  const { locale } = useLocale();
  const monthName = new Intl.DateTimeFormat(locale, { month: 'long', timeZone: 'UTC' });
  const dimOption = (d: DimensionId) => (
    <option key={d} value={d}>
      {dimensionLabel(t, d)}
    </option>
  );
  return (
    <fieldset className="filters stat-filters">
      <legend>{t('statistics.filters')}</legend>
      <LabelledControl label={t('statistics.period')}>
        {(id) => (
          <select
            id={id}
            value={choice.periodKind}
            onChange={(e) => update('periodKind', e.target.value as PeriodKind)}
          >
            {PERIOD_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`statistics.period.${k}`)}
              </option>
            ))}
          </select>
        )}
      </LabelledControl>
      {choice.periodKind !== 'custom' && (
        <LabelledControl label={t('statistics.year')}>
          {(id) => (
            <select id={id} value={choice.year} onChange={(e) => update('year', +e.target.value)}>
              {years.map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
            </select>
          )}
        </LabelledControl>
      )}
      {choice.periodKind === 'quarter' && (
        <LabelledControl label={t('statistics.quarter')}>
          {(id) => (
            <select
              id={id}
              value={choice.quarter}
              onChange={(e) => update('quarter', +e.target.value as Choice['quarter'])}
            >
              {[1, 2, 3, 4].map((q) => (
                <option key={q} value={q}>
                  {t('statistics.quarterN', { n: q })}
                </option>
              ))}
            </select>
          )}
        </LabelledControl>
      )}
      {choice.periodKind === 'month' && (
        <LabelledControl label={t('statistics.month')}>
          {(id) => (
            <select id={id} value={choice.month} onChange={(e) => update('month', +e.target.value)}>
              {Array.from({ length: 12 }, (_, i) => (
                <option key={i} value={i + 1}>
                  {monthName.format(new Date(Date.UTC(2026, i, 1)))}
                </option>
              ))}
            </select>
          )}
        </LabelledControl>
      )}
      {choice.periodKind === 'custom' && (
        <>
          <LabelledControl label={t('statistics.from')}>
            {(id) => (
              <input
                id={id}
                type="date"
                value={choice.from}
                onChange={(e) => e.target.value && update('from', e.target.value)}
              />
            )}
          </LabelledControl>
          <LabelledControl label={t('statistics.to')}>
            {(id) => (
              <input
                id={id}
                type="date"
                value={choice.to}
                onChange={(e) => e.target.value && update('to', e.target.value)}
              />
            )}
          </LabelledControl>
        </>
      )}
      {forcedRegion ? (
        <p className="muted">{t('statistics.scopeRegion', { region: regionName(forcedRegion) })}</p>
      ) : (
        <>
          <LabelledControl label={t('statistics.area')}>
            {(id) => (
              <select
                id={id}
                value={choice.areaKind}
                onChange={(e) => update('areaKind', e.target.value as Choice['areaKind'])}
              >
                <option value="country">{t('statistics.area.country')}</option>
                <option value="region">{t('statistics.area.region')}</option>
                <option value="district">{t('statistics.area.district')}</option>
                <option value="office">{t('statistics.area.office')}</option>
              </select>
            )}
          </LabelledControl>
          {choice.areaKind === 'region' && (
            <LabelledControl label={t('statistics.region')}>
              {(id) => (
                <select
                  id={id}
                  value={choice.region}
                  onChange={(e) => update('region', e.target.value)}
                >
                  <option value="">—</option>
                  {regions.map((r) => (
                    <option key={r} value={r}>
                      {regionName(r)}
                    </option>
                  ))}
                </select>
              )}
            </LabelledControl>
          )}
          {choice.areaKind === 'district' && (
            <LabelledControl label={t('statistics.district')}>
              {(id) => (
                <select
                  id={id}
                  value={choice.district}
                  onChange={(e) => update('district', e.target.value)}
                >
                  <option value="">—</option>
                  {districts.map((d) => (
                    <option key={d} value={d}>
                      {districtLabel(d)}
                    </option>
                  ))}
                </select>
              )}
            </LabelledControl>
          )}
          {choice.areaKind === 'office' && (
            <LabelledControl label={t('statistics.office')}>
              {(id) => (
                <select
                  id={id}
                  value={choice.office}
                  onChange={(e) => update('office', e.target.value)}
                >
                  <option value="">—</option>
                  {offices.map((o) => (
                    <option key={o} value={o}>
                      {o}
                    </option>
                  ))}
                </select>
              )}
            </LabelledControl>
          )}
        </>
      )}
      <LabelledControl label={t('statistics.rows')}>
        {(id) => (
          <select
            id={id}
            value={choice.rows}
            onChange={(e) => update('rows', e.target.value as DimensionId)}
          >
            {DIMENSION_IDS.map(dimOption)}
          </select>
        )}
      </LabelledControl>
      <LabelledControl label={t('statistics.cols')}>
        {(id) => (
          <select
            id={id}
            value={choice.cols ?? ''}
            onChange={(e) => update('cols', (e.target.value || null) as DimensionId | null)}
          >
            <option value="">{t('statistics.none')}</option>
            {DIMENSION_IDS.filter((d) => d !== choice.rows).map(dimOption)}
          </select>
        )}
      </LabelledControl>
      <LabelledControl label={t('statistics.measure')}>
        {(id) => (
          <select
            id={id}
            value={choice.measure}
            onChange={(e) => update('measure', e.target.value as Choice['measure'])}
          >
            <option value="persons">{t('statistics.measure.persons')}</option>
            <option value="referrals">{t('statistics.measure.referrals')}</option>
          </select>
        )}
      </LabelledControl>
    </fieldset>
  );
};
