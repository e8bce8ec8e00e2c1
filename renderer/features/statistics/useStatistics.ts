/**
 * The statistics screen's state: what the user chose (period, area, breakdowns, measure) and
 * the facts it is computed from. Facts are read once per change of the underlying tables
 * (decrypting is the slow part); every change of filter is a pure recomputation.
 */
import { useMemo, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { areaByCode } from '@shared/domain/directory/areas';
import type { Area, Measure, Period } from '@shared/domain/statistics/aggregate';
import type { DimensionId, StatFact } from '@shared/domain/statistics/facts';
import type { ScreeningCounts } from '@shared/domain/statistics/screenings';
import { useData } from '../../app/data';

export type PeriodKind = Period['kind'];

export type Choice = {
  periodKind: PeriodKind;
  year: number;
  quarter: 1 | 2 | 3 | 4;
  month: number;
  from: string;
  to: string;
  areaKind: Area['kind'];
  region: string;
  district: string;
  office: string;
  rows: DimensionId;
  cols: DimensionId | null;
  measure: Measure;
};

export const periodOf = (c: Choice): Period => {
  switch (c.periodKind) {
    case 'year':
      return { kind: 'year', year: c.year };
    case 'quarter':
      return { kind: 'quarter', year: c.year, quarter: c.quarter };
    case 'month':
      return { kind: 'month', year: c.year, month: c.month };
    case 'custom':
      return { kind: 'custom', from: c.from, to: c.to <= c.from ? c.from : c.to };
  }
};

export const areaOf = (c: Choice, forcedRegion: string | null): Area => {
  if (forcedRegion) return { kind: 'region', code: forcedRegion };
  // A region created from older ones (Mali 2023) is counted by the cercles that formed it.
  if (c.areaKind === 'region' && c.region)
    return areaByCode(c.region)?.formerDistricts
      ? { kind: 'formedRegion', code: c.region }
      : { kind: 'region', code: c.region };
  if (c.areaKind === 'district' && c.district) return { kind: 'district', code: c.district };
  if (c.areaKind === 'office' && c.office) return { kind: 'office', code: c.office };
  return { kind: 'country' };
};

export const initialChoice = (now = new Date()): Choice => ({
  periodKind: 'year',
  year: now.getFullYear(),
  quarter: (Math.floor(now.getMonth() / 3) + 1) as Choice['quarter'],
  month: now.getMonth() + 1,
  from: `${now.getFullYear()}-01-01`,
  to: now.toISOString().slice(0, 10),
  areaKind: 'country',
  region: '',
  district: '',
  office: '',
  rows: 'gender',
  cols: null,
  measure: 'persons',
});

export type FactsState =
  { status: 'loading' } | { status: 'locked' } | { status: 'ready'; facts: StatFact[] };

export type ScreeningsState =
  { status: 'loading' } | { status: 'locked' } | { status: 'ready'; counts: ScreeningCounts };

export const useStatistics = () => {
  const { repos } = useData();
  const [choice, setChoice] = useState<Choice>(() => initialChoice());
  const settings = useLiveQuery(() => repos.statistics.settings(), [repos]);
  const loaded = useLiveQuery(
    () =>
      repos.statistics.facts().then(
        (facts): FactsState => ({ status: 'ready', facts }),
        (): FactsState => ({ status: 'locked' }),
      ),
    [repos],
  );
  const facts: FactsState = loaded ?? { status: 'loading' };
  const published = useLiveQuery(() => repos.statistics.published().catch(() => []), [repos]);
  // Screenings reach the statistics as counts only (the screening repository's own function).
  const screenings = useLiveQuery(
    () =>
      repos.screening.statisticsCounts().then(
        (counts): ScreeningsState => ({ status: 'ready', counts }),
        (): ScreeningsState => ({ status: 'locked' }),
      ),
    [repos],
  );
  const update = useMemo(
    () =>
      <K extends keyof Choice>(key: K, value: Choice[K]) =>
        setChoice((c) => ({ ...c, [key]: value })),
    [],
  );
  return {
    choice,
    update,
    settings,
    facts,
    published: published ?? [],
    screenings: screenings ?? ({ status: 'loading' } as ScreeningsState),
  };
};
