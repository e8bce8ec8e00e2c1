/**
 * Statistics (#/statistics, issue 14): counts of persons and referrals for a period and an area,
 * broken down by one or two dimensions, suppressed for small cells; response delays; beds.
 * Everything shown is an aggregate, so opening it is not a view of case data.
 */
import { useEffect, useMemo, useState } from 'react';
import { shownDelays } from '@shared/domain/statistics/aggregate';
import { toColumns } from '@shared/domain/statistics/columns';
import { buildCube } from '@shared/domain/statistics/cube';
import { UNKNOWN } from '@shared/domain/statistics/facts';
import { screeningTotals, shownScreenings } from '@shared/domain/statistics/screenings';
import { areaByCode } from '@shared/domain/directory/areas';
import { addTables, queryAggregates, regionChoices } from '@shared/domain/statistics/published';
import { statTable, type StatTable } from '@shared/domain/statistics/table';
import { useData } from '../../app/data';
import { useT } from '../../app/i18n';
import { useSession } from '../accounts/session';
import { BedsSection } from './BedsSection';
import { DelaysSection } from './DelaysSection';
import { ExportPanel } from './ExportPanel';
import { ScreeningsSection } from './ScreeningsSection';
import { useAreaLabel, usePeriodLabel } from './labels';
import { StatFilters } from './StatFilters';
import { StatisticsSettings } from './StatisticsSettings';
import { StatTableView } from './StatTableView';
import { areaOf, periodOf, useStatistics } from './useStatistics';
import { runWhenIdle } from './whenIdle';
import './statistics.css';

/** The caption every figure carries: what, when, where, and how many records it rests on. */
export const useCaption = () => {
  const t = useT();
  const periodLabel = usePeriodLabel();
  const areaLabel = useAreaLabel();
  return (table: StatTable) => {
    const base = {
      measure: t(`statistics.measure.${table.measure}`),
      period: periodLabel(table.period),
      area: areaLabel(table.area),
    };
    if (table.records === 'small')
      return t('statistics.captionSmall', { ...base, k: table.threshold });
    return t('statistics.caption', {
      ...base,
      records: table.records === 'hidden' ? 'x' : table.records,
    });
  };
};

export const StatisticsScreen = () => {
  const t = useT();
  const session = useSession();
  const { repos } = useData();
  const { choice, update, settings, facts, published, screenings } = useStatistics();
  const [publishStatus, setPublishStatus] = useState('');
  const periodLabel = usePeriodLabel();
  const areaLabel = useAreaLabel();
  const caption = useCaption();
  const threshold = settings?.threshold ?? 11;
  const forcedRegion = settings?.region ?? null;
  const ready = facts.status === 'ready' ? facts.facts : null;

  const options = useMemo(() => {
    const list = ready ?? [];
    const thisYear = new Date().getFullYear();
    const years = new Set([thisYear, ...list.map((f) => Number(f.at.slice(0, 4)))]);
    return {
      years: [...years].sort((a, b) => b - a),
      regions: regionChoices(list, published),
      offices: [
        ...new Set([...list.map((f) => f.office), ...published.map((d) => d.office)]),
      ].sort(),
      // Districts come from this office's records only (published figures stop at the region).
      districts: [...new Set(list.map((f) => f.district))].filter((d) => d !== UNKNOWN).sort(),
    };
  }, [ready, published]);

  const query = useMemo(
    () => ({
      period: periodOf(choice),
      area: areaOf(choice, forcedRegion),
      rows: choice.rows,
      cols: choice.cols,
      measure: choice.measure,
    }),
    [choice, forcedRegion],
  );
  // Columns and the cube once per load; a change of period or area then sums grouped cells. A
  // breakdown (or area kind) not seen yet is answered by the recount, and its cells are built
  // while the screen is idle, so its first use costs no more than a recount.
  const cube = useMemo(() => ready && buildCube(toColumns(ready)), [ready]);
  // This office's figures from its records, the others' from their published aggregates;
  // summed first, suppressed once.
  const table = useMemo(
    () =>
      cube &&
      statTable(
        addTables(query, cube.table(query), queryAggregates(published, query)),
        query,
        threshold,
      ),
    [cube, published, query, threshold],
  );
  const publish = async () => {
    const n = await repos.statistics.publish();
    setPublishStatus(t('statistics.published', { count: n }));
  };
  // Delays depend on the period and area only, not on the breakdown.
  const { period, area } = query;
  const delays = useMemo(
    () => cube && shownDelays(cube.delays(period, area), threshold),
    [cube, period, area, threshold],
  );
  // After each answer: build what it asked for and did not find, in idle slices.
  useEffect(() => (cube ? runWhenIdle(cube.idle) : undefined), [cube, table, delays]);
  const screeningFigures = useMemo(
    () =>
      screenings.status === 'ready'
        ? shownScreenings(screeningTotals(screenings.counts, period, area), threshold)
        : null,
    [screenings, period, area, threshold],
  );
  const screeningCaption = screeningFigures
    ? screeningFigures.records === 'small'
      ? t('statistics.screenings.captionSmall', {
          period: periodLabel(period),
          area: areaLabel(area),
          k: screeningFigures.threshold,
        })
      : t('statistics.screenings.caption', {
          period: periodLabel(period),
          area: areaLabel(area),
          records: screeningFigures.records === 'hidden' ? 'x' : screeningFigures.records,
        })
    : '';
  const groupsCaption = t('statistics.screenings.groupsCaption', {
    period: periodLabel(period),
    area: areaLabel(area),
  });
  // Beds are placed by region: a district's are those of its region.
  const bedRegion =
    area.kind === 'region'
      ? area.code
      : area.kind === 'district'
        ? (areaByCode(area.code)?.parent ?? null)
        : area.kind === 'formedRegion'
          ? (areaByCode(area.code)?.formerParent ?? null)
          : null;

  return (
    <div className="statistics">
      <h1 tabIndex={-1}>{t('statistics.title')}</h1>
      <p className="muted">{t('statistics.intro')}</p>
      {session.can('settings.manage') && settings && <StatisticsSettings current={settings} />}
      <StatFilters
        choice={choice}
        update={update}
        years={options.years}
        regions={options.regions}
        offices={options.offices}
        districts={options.districts}
        forcedRegion={forcedRegion}
      />
      <p className="stat-rule">{t('statistics.rule', { k: threshold })}</p>
      {area.kind === 'district' && <p className="muted">{t('statistics.districtNote')}</p>}
      {area.kind === 'formedRegion' && <p className="muted">{t('statistics.formedRegionNote')}</p>}
      <p className="muted">
        {t('statistics.sources', { count: new Set(published.map((d) => d.office)).size })}
      </p>
      {session.can('statistics.export') && ready && (
        <p>
          <button type="button" className="button" onClick={() => void publish()}>
            {t('statistics.publish')}
          </button>{' '}
          <span role="status">{publishStatus}</span>
        </p>
      )}
      {facts.status === 'loading' && <p role="status">{t('statistics.loading')}</p>}
      {facts.status === 'locked' && <p className="notice">{t('statistics.locked')}</p>}
      {table && (
        <section className="stat-section" aria-label={caption(table)}>
          <StatTableView table={table} caption={caption(table)} />
          {session.can('statistics.export') && (
            <ExportPanel
              table={table}
              caption={caption(table)}
              delays={delays || null}
              screenings={
                screeningFigures && {
                  shown: screeningFigures,
                  caption: screeningCaption,
                  groupsCaption,
                }
              }
              bedRegion={bedRegion}
            />
          )}
        </section>
      )}
      {delays && (
        <DelaysSection
          rows={delays}
          threshold={threshold}
          caption={t('statistics.delays.caption', {
            period: periodLabel(query.period),
            area: areaLabel(query.area),
          })}
        />
      )}
      <ScreeningsSection
        shown={screeningFigures}
        locked={screenings.status === 'locked'}
        caption={screeningCaption}
        groupsCaption={groupsCaption}
      />
      {session.can('capacity.view') && table && (
        <BedsSection
          range={table.range}
          periodLabel={periodLabel(query.period)}
          region={bedRegion}
        />
      )}
    </div>
  );
};
