/** Which file column holds which field, with the first rows shown as they will be read. */
import type { Mapping } from '@shared/domain/exchange/flat';
import { FLAT_FIELDS, REQUIRED_FIELDS, columnName } from '@shared/domain/exchange/flat';
import type { FlatPreview } from '@shared/domain/exchange/importFile';
import { unneutralise } from '@shared/domain/exchange/text';
import { useT } from '../../app/i18n';
import { fieldLabel } from './text';

const DELIMITER_SHOWN: Record<string, string> = { '\t': '⇥', ',': ',', ';': ';', '|': '|' };

export const MappingStep = (p: {
  name: string;
  preview: FlatPreview;
  mapping: Mapping;
  remembered: boolean;
  onChange: (m: Mapping) => void;
  onSheet: (name: string) => void;
  presence: boolean;
  onPresence: (on: boolean) => void;
  onValidate: () => void;
  onCancel: () => void;
}) => {
  const t = useT();
  const { preview, mapping } = p;
  const missing = REQUIRED_FIELDS.filter((f) => mapping[f] === undefined);
  const mapped = FLAT_FIELDS.filter((f) => mapping[f] !== undefined);
  const set = (f: (typeof FLAT_FIELDS)[number], value: string) => {
    const next: Mapping = { ...mapping };
    if (value === '') delete next[f];
    else next[f] = Number(value);
    p.onChange(next);
  };
  return (
    <div className="exchange-mapping">
      <h3>{t('exchange.mapping.title')}</h3>
      <p>
        <bdi>{t('exchange.import.file', { name: p.name })}</bdi> ·{' '}
        {t('exchange.import.detected', {
          rows: preview.rowCount,
          encoding: preview.encoding ?? 'XLSX',
          delimiter: DELIMITER_SHOWN[preview.delimiter ?? ''] ?? '—',
        })}
      </p>
      {preview.sheets && preview.sheets.length > 1 && (
        <p>
          <label htmlFor="exchange-sheet">{t('importValues.sheet')}</label>{' '}
          <select
            id="exchange-sheet"
            value={preview.sheet ?? ''}
            onChange={(e) => p.onSheet(e.target.value)}
          >
            {preview.sheets.map((s) => (
              <option key={s.name} value={s.name}>
                {s.hidden ? t('importValues.hidden', { name: s.name }) : s.name}
              </option>
            ))}
          </select>
        </p>
      )}
      <p>{t('importValues.headerRow', { row: preview.headerRow })}</p>
      {preview.hxl && <p role="status">{t('importValues.hxl')}</p>}
      <p>
        <label>
          <input
            type="checkbox"
            checked={p.presence}
            onChange={(e) => p.onPresence(e.target.checked)}
          />{' '}
          {t('importValues.presence')}
        </label>
      </p>
      <p className="hint">{t('exchange.mapping.intro')}</p>
      {p.remembered && <p role="status">{t('exchange.mapping.remembered')}</p>}
      <div className="exchange-mapping-grid">
        {FLAT_FIELDS.map((f) => {
          const id = `exchange-map-${f}`;
          const col = mapping[f];
          const sample = col === undefined ? '' : unneutralise(preview.preview[0]?.[col] ?? '');
          return (
            <div key={f} className="exchange-mapping-row">
              <label htmlFor={id}>
                {fieldLabel(t, f)}
                {REQUIRED_FIELDS.includes(f) && (
                  <span className="exchange-required"> ({t('exchange.mapping.required')})</span>
                )}
              </label>
              <select id={id} value={col ?? ''} onChange={(e) => set(f, e.target.value)}>
                <option value="">{t('exchange.mapping.none')}</option>
                {preview.header.map((_, i) => (
                  <option key={i} value={i}>
                    {columnName(preview.header, i)}
                    {preview.hxl?.[i] ? ` ${preview.hxl[i]}` : ''}
                  </option>
                ))}
              </select>
              <span className="exchange-sample">
                <bdi>{sample}</bdi>
              </span>
            </div>
          );
        })}
      </div>
      <h4>{t('exchange.mapping.preview')}</h4>
      <div className="exchange-table-wrap">
        <table className="exchange-table">
          <thead>
            <tr>
              {mapped.map((f) => (
                <th key={f} scope="col">
                  {fieldLabel(t, f)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {preview.preview.map((row, r) => (
              <tr key={r}>
                {mapped.map((f) => (
                  <td key={f}>
                    <bdi>{unneutralise(row[mapping[f]!] ?? '')}</bdi>
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {missing.length > 0 && (
        <p role="alert" className="error">
          {t('exchange.mapping.missing', {
            fields: missing.map((f) => fieldLabel(t, f)).join(', '),
          })}
        </p>
      )}
      <div className="actions">
        <button
          type="button"
          className="primary"
          disabled={missing.length > 0}
          onClick={p.onValidate}
        >
          {t('exchange.mapping.validate')}
        </button>
        <button type="button" onClick={p.onCancel}>
          {t('exchange.import.discard')}
        </button>
      </div>
    </div>
  );
};
