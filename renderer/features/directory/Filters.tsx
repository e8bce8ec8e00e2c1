/** The filter bar shared by the list and the map. */
import { useId } from 'react';
import type { ReactNode } from 'react';
import { COUNTRY_PROFILES } from '@shared/domain/directory/areas';
import { hasActiveFilters } from '@shared/domain/directory/filter';
import type { DirectoryFilters } from '@shared/domain/directory/filter';
import { CAPACITY_POPULATIONS } from '@shared/domain/capacity/schema';
import { POPULATIONS, SERVICE_CATEGORIES } from '@shared/domain/directory/schema';
import { useOffice } from '../../app/data';
import { isMessageId, useLocale, useT } from '../../app/i18n';
import { useSession } from '../accounts/session';
import { useFilters } from './filterState';
import { useAreas } from './useAreas';

/** A language's name: from the catalogue when it has one, else from Intl, else the code. */
export const useLanguageName = (): ((code: string) => string) => {
  const t = useT();
  const { intlLocale: locale } = useLocale();
  return (code) => {
    const id = `lang.${code}`;
    return isMessageId(id) ? t(id) : languageName(code, locale);
  };
};

export const languageName = (code: string, locale: string): string => {
  try {
    return new Intl.DisplayNames([locale], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
};

/** A label beside (not around) its control, so the accessible name is exactly the label. */
export const LabelledControl = ({
  label,
  className = 'filter',
  children,
}: {
  label: string;
  className?: string;
  children: (id: string) => ReactNode;
}) => {
  const id = useId();
  return (
    <div className={className}>
      <label htmlFor={id}>{label}</label>
      {children(id)}
    </div>
  );
};

export const Filters = ({ children }: { children?: ReactNode }) => {
  const t = useT();
  const langName = useLanguageName();
  const office = useOffice();
  const { filters, setFilters, clearFilters } = useFilters();
  const mayViewBeds = useSession().can('capacity.view');
  const profile = COUNTRY_PROFILES.find((p) => p.code === office.country);
  const areas = useAreas(office.country);
  const districts = areas.districtsIn(filters.region);
  const select = <K extends keyof DirectoryFilters>(
    key: K,
    label: string,
    options: [string, string][],
  ) => (
    <LabelledControl label={label}>
      {(id) => (
        <select
          id={id}
          value={filters[key] ?? ''}
          onChange={(e) => setFilters({ [key]: e.target.value } as Partial<DirectoryFilters>)}
        >
          <option value="">{t('filters.any')}</option>
          {options.map(([value, text]) => (
            <option key={value} value={value}>
              {text}
            </option>
          ))}
        </select>
      )}
    </LabelledControl>
  );
  return (
    <section className="filters" aria-label={t('filters.title')}>
      <LabelledControl label={t('directory.search')} className="filter search">
        {(id) => (
          <input
            id={id}
            type="search"
            value={filters.text}
            placeholder={t('directory.searchPlaceholder')}
            onChange={(e) => setFilters({ text: e.target.value })}
          />
        )}
      </LabelledControl>
      {select(
        'category',
        t('filters.category'),
        SERVICE_CATEGORIES.map((c) => [c, t(`category.${c}`)]),
      )}
      <LabelledControl label={t('filters.region')}>
        {(id) => (
          <select
            id={id}
            value={filters.region}
            // A district belongs to one region: changing the region clears it.
            onChange={(e) => setFilters({ region: e.target.value, district: '' })}
          >
            <option value="">{t('filters.any')}</option>
            {areas.regions.map((a) => (
              <option key={a.code} value={a.code}>
                {a.name}
              </option>
            ))}
          </select>
        )}
      </LabelledControl>
      {districts.length > 0 &&
        select(
          'district',
          t('filters.district'),
          districts.map((d) => [d.code, d.name]),
        )}
      {select(
        'population',
        t('filters.population'),
        POPULATIONS.map((p) => [p, t(`population.${p}`)]),
      )}
      {select(
        'language',
        t('filters.language'),
        (profile?.languages ?? []).map((l) => [l, langName(l)]),
      )}
      {/* Beds are for roles that may see capacity; a filter left set stays visible to clear. */}
      {(mayViewBeds || filters.freeBedFor !== '') &&
        select(
          'freeBedFor',
          t('filters.freeBedFor'),
          CAPACITY_POPULATIONS.map((p) => [p, t(`population.${p}`)]),
        )}
      {children}
      {hasActiveFilters(filters) && (
        <button type="button" onClick={clearFilters}>
          {t('filters.clear')}
        </button>
      )}
    </section>
  );
};
