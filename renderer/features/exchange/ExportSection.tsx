/**
 * Export the whole directory or the directory's current filter (the same filter state as the
 * list and the map) to CSV, XLSX, HSDS JSON, the HSDS data package or GeoJSON. The views come
 * from the directory repository, already redacted for the user's role (restricted addresses and
 * coordinates blanked); "include restricted places" is offered only to roles that may see them.
 *
 * The section holds no service until Export is pressed (issue 17): the whole directory is read
 * then, and its size shown meanwhile is a count of keys. A window importing 200k rows on this
 * screen would otherwise read every service again after each written batch. Only a filter set
 * in the directory brings the directory's search in, to know what it selects.
 */
import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { hasActiveFilters } from '@shared/domain/directory/filter';
import type { ServiceView } from '@shared/domain/directory/schema';
import type { Delimiter } from '@shared/domain/exchange/csv';
import { toCsv } from '@shared/domain/exchange/csv';
import { exportFlatRows, toCsvCells } from '@shared/domain/exchange/flatExport';
import { toGeoJson } from '@shared/domain/exchange/geojson';
import type { ExportOptions } from '@shared/domain/exchange/hsdsWrite';
import { toHsdsJson } from '@shared/domain/exchange/hsdsWrite';
import { tablesToFiles, toTables } from '@shared/domain/exchange/tabular';
import { makeZip } from '@shared/domain/exchange/zip';
import { useData } from '../../app/data';
import { useT } from '../../app/i18n';
import { SelectField } from '../../ui/Field';
import { StatusNote } from '../../ui/StatusNote';
import type { Note } from '../../ui/StatusNote';
import { useSession } from '../accounts/session';
import { useFilters } from '../directory/filterState';
import { useDirectorySearch } from '../directory/useDirectory';
import { MIME, save, today, xlsxBytes } from './files';
import { failureOf, failureText } from './text';

const FORMATS = ['csv', 'xlsx', 'hsds-json', 'hsds-package', 'geojson'] as const;
type Format = (typeof FORMATS)[number];

const build = async (
  format: Format,
  views: ServiceView[],
  opts: ExportOptions,
  delimiter: Delimiter,
) => {
  const enc = (s: string) => new TextEncoder().encode(s);
  switch (format) {
    case 'csv':
      return {
        ext: 'csv',
        mime: MIME.csv,
        data: toCsv(toCsvCells(exportFlatRows(views, opts)), delimiter),
      };
    case 'xlsx':
      return { ext: 'xlsx', mime: MIME.xlsx, data: await xlsxBytes(exportFlatRows(views, opts)) };
    case 'hsds-json':
      return {
        ext: 'json',
        mime: MIME.json,
        data: JSON.stringify(toHsdsJson(views, opts), null, 2),
      };
    case 'hsds-package': {
      const files = tablesToFiles(toTables(views, opts), new Date().toISOString());
      return {
        ext: 'zip',
        mime: MIME.zip,
        data: makeZip(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, enc(v)]))),
      };
    }
    case 'geojson':
      return { ext: 'geojson', mime: MIME.geojson, data: JSON.stringify(toGeoJson(views, opts)) };
  }
};

export const ExportSection = () => {
  const { filters } = useFilters();
  return hasActiveFilters(filters) ? <FilteredExport /> : <ExportForm active={false} />;
};

/**
 * The directory's current filter, found by the directory's own search (text included): known
 * once the shown result answers the typed text, not while the index is still being checked.
 */
const FilteredExport = () => {
  const { views, hits, pending } = useDirectorySearch(1_000_000);
  return <ExportForm active filtered={views && !pending ? hits : undefined} />;
};

/**
 * `active`: a filter is set in the directory; `filtered`: what it selects, once known.
 */
const ExportForm = ({ active, filtered }: { active: boolean; filtered?: ServiceView[] }) => {
  const t = useT();
  const { repos } = useData();
  const total = useLiveQuery(() => repos.directory.count(), [repos]);
  const [scope, setScope] = useState<'all' | 'filtered'>(active ? 'filtered' : 'all');
  const [format, setFormat] = useState<Format>('csv');
  const [delimiter, setDelimiter] = useState<Delimiter>(',');
  const mayIncludeRestricted = useSession().can('location.viewRestricted');
  const [wantRestricted, setIncludeRestricted] = useState(false);
  const includeRestricted = wantRestricted && mayIncludeRestricted;
  const [message, setMessage] = useState<Note>();
  const [busy, setBusy] = useState(false);
  const filteredScope = scope === 'filtered' && active;
  const ready = filteredScope ? filtered !== undefined : total !== undefined;

  const run = async () => {
    setBusy(true);
    setMessage(undefined);
    try {
      const chosen = filteredScope && filtered ? filtered : await repos.directory.listViews();
      const file = await build(format, chosen, { includeRestricted }, delimiter);
      const name = `${t('exchange.export.fileName')}-${today()}.${file.ext}`;
      const { saved } = await save(name, file.mime, file.data);
      if (saved) {
        await repos.exchange.record('export', {
          file: name,
          format,
          count: chosen.length,
          includeRestricted,
        });
        setMessage({ text: t('exchange.export.done', { count: chosen.length }), error: false });
      }
    } catch (e) {
      setMessage({ text: failureText(t, failureOf(e)), error: true });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="exchange-export" className="exchange-section">
      <h2 id="exchange-export">{t('exchange.export.title')}</h2>
      <p>{t('exchange.export.intro')}</p>
      <fieldset className="exchange-options">
        <legend>{t('exchange.export.scope')}</legend>
        <label className="exchange-choice">
          <input
            type="radio"
            name="export-scope"
            checked={scope === 'all'}
            onChange={() => setScope('all')}
          />{' '}
          {t('exchange.export.scope.all', { count: total ?? 0 })}
        </label>
        <label className="exchange-choice">
          <input
            type="radio"
            name="export-scope"
            disabled={!active}
            checked={scope === 'filtered' && active}
            onChange={() => setScope('filtered')}
          />{' '}
          {t('exchange.export.scope.filtered', {
            count: (active ? filtered?.length : total) ?? 0,
          })}
        </label>
      </fieldset>
      <div className="exchange-options">
        <SelectField
          label={t('exchange.export.format')}
          value={format}
          options={FORMATS.map((f) => ({ value: f, label: t(`exchange.format.${f}`) }))}
          onChange={setFormat}
        />
        {format === 'csv' && (
          <SelectField<Delimiter>
            label={t('exchange.import.delimiter')}
            value={delimiter}
            options={[
              { value: ',', label: t('exchange.delimiter.comma') },
              { value: ';', label: t('exchange.delimiter.semicolon') },
              { value: '\t', label: t('exchange.delimiter.tab') },
            ]}
            onChange={setDelimiter}
          />
        )}
      </div>
      {mayIncludeRestricted && (
        <div className="exchange-check">
          <label className="exchange-choice">
            <input
              type="checkbox"
              checked={includeRestricted}
              aria-describedby="export-restricted-hint"
              onChange={(e) => setIncludeRestricted(e.target.checked)}
            />{' '}
            {t('exchange.export.includeRestricted')}
          </label>
          <p className="hint" id="export-restricted-hint">
            {t('exchange.export.restrictedHint')}
          </p>
        </div>
      )}
      {(format === 'csv' || format === 'xlsx') && (
        <p className="hint">{t('exchange.export.flatNote')}</p>
      )}
      <button type="button" className="primary" disabled={busy || !ready} onClick={run}>
        {t('exchange.export.button')}
      </button>
      <StatusNote note={message} />
    </section>
  );
};
