/**
 * Names of what statistics break down by, in the interface language: the referrals'
 * catalogue labels where the value is a case field's, our own for the rest.
 */
import { useCallback } from 'react';
import type { Area, Period } from '@shared/domain/statistics/aggregate';
import { periodRange } from '@shared/domain/statistics/aggregate';
import { MULTIPLE, UNKNOWN, type DimensionId } from '@shared/domain/statistics/facts';
import type { MessageId } from '@shared/i18n/catalogues';
import { isMessageId, useLocale, useT, type Translate } from '../../app/i18n';
import { areaByCode } from '@shared/domain/directory/areas';
import { regionName } from '../directory/useDirectory';
import { useCountryName } from '../referrals/format';

const PREFIX: Partial<Record<DimensionId, string>> = {
  traffickingStatus: 'referrals.status.',
  exploitation: 'referrals.exploitation.',
  gender: 'referrals.gender.',
  ageBand: 'referrals.age.',
  serviceCategory: 'category.',
  urgency: 'referrals.urgency.',
  outcome: 'statistics.outcome.',
  ageGroup: 'statistics.value.',
};

/** Series colours of the statistics charts (contrast ≥ 4.5:1 on white). */
export const COLOURS = [
  '#0b5c8c',
  '#b25f00',
  '#1f7a3a',
  '#7b3f9e',
  '#a31d45',
  '#4d6b00',
  '#00707a',
];

export type ValueLabel = (dim: DimensionId | null, value: string) => string;

export const useValueLabel = (): ValueLabel => {
  const t = useT();
  const countryName = useCountryName();
  return useCallback(
    (dim, value) => {
      if (!dim) return t('statistics.total');
      if (value === UNKNOWN || value === '') return t('statistics.value.unknown');
      if (value === MULTIPLE) return t('statistics.value.multiple');
      if (dim === 'nationality') return countryName(value);
      if (dim === 'region') return regionName(value);
      const id = `${PREFIX[dim] ?? ''}${value}`;
      return PREFIX[dim] && isMessageId(id) ? t(id as MessageId) : value;
    },
    [t, countryName],
  );
};

export const dimensionLabel = (t: Translate, dim: DimensionId) =>
  t(`statistics.dim.${dim}` as MessageId);

/** "2026", "T1 2026", "mars 2026", "1 mars 2026 – 15 avr. 2026", in the interface language. */
export const usePeriodLabel = () => {
  const t = useT();
  const { locale } = useLocale();
  return useCallback(
    (p: Period) => {
      if (p.kind === 'year') return String(p.year);
      if (p.kind === 'quarter') return `${t('statistics.quarterN', { n: p.quarter })} ${p.year}`;
      const utc = { timeZone: 'UTC' } as const;
      if (p.kind === 'month')
        return new Intl.DateTimeFormat(locale, { ...utc, month: 'long', year: 'numeric' }).format(
          new Date(Date.UTC(p.year, p.month - 1, 1)),
        );
      const { from, to } = periodRange(p);
      const f = new Intl.DateTimeFormat(locale, { ...utc, dateStyle: 'medium' });
      return `${f.format(new Date(`${from}T00:00:00Z`))} – ${f.format(new Date(`${to}T00:00:00Z`))}`;
    },
    [t, locale],
  );
};

/**
 * A district as "Name (Region)": its OCHA name (level-2 areas have no per-language names), or
 * its code for an area an administrator added.
 */
export const districtLabel = (code: string): string => {
  const area = areaByCode(code);
  if (!area) return code;
  return area.parent ? `${area.name} (${regionName(area.parent)})` : area.name;
};

export const useAreaLabel = () => {
  const t = useT();
  return useCallback(
    (a: Area) =>
      a.kind === 'country'
        ? t('statistics.area.country')
        : a.kind === 'region' || a.kind === 'formedRegion'
          ? regionName(a.code)
          : a.kind === 'district'
            ? districtLabel(a.code)
            : `${t('statistics.office')} ${a.code}`,
    [t],
  );
};
