/**
 * The value-mapping step: for each mapped closed-list column, every distinct value of the file
 * with its row count and what it becomes, matched where Passerelle could, a drop-down for the
 * rest. Nothing is written; the choices go to the check and are remembered per layout.
 */
import type { FlatField } from '@shared/domain/exchange/flat';
import type { ClosedField, DistinctValues, ValueMap } from '@shared/domain/exchange/valueMatch';
import { allowedCodes, valueKey } from '@shared/domain/exchange/valueMatch';
import { useT } from '../../app/i18n';
import { codeLabel, fieldLabel } from './text';
import './import-values.css';

/** At most this many values per list on screen (a free-text column mapped by mistake). */
const SHOWN = 300;

export const chosenFor = (values: ValueMap, field: ClosedField, value: string) => {
  const m = values[field];
  const k = valueKey(value);
  return m && Object.hasOwn(m, k) ? m[k] : undefined;
};

/**
 * A new map with one choice changed (none = back to "to choose", so its rows are refused with
 * the allowed values named); built with fromEntries so no file value acts as a setter.
 */
export const choose = (
  values: ValueMap,
  field: ClosedField,
  value: string,
  codes: string[],
): ValueMap => ({
  ...values,
  [field]: Object.fromEntries([
    ...Object.entries(values[field] ?? {}).filter(([k]) => k !== valueKey(value)),
    ...(codes.length ? [[valueKey(value), codes] as const] : []),
  ]),
});

export const ValueStep = (p: {
  distinct: DistinctValues;
  values: ValueMap;
  country: string;
  header: string[];
  columns: Partial<Record<FlatField, number>>;
  onChange: (v: ValueMap) => void;
  onCheck: () => void;
  onBack: () => void;
}) => {
  const t = useT();
  const fields = (Object.keys(p.distinct) as ClosedField[]).filter(
    (f) => (p.distinct[f]?.length ?? 0) > 0,
  );
  let unmatched = 0;
  for (const f of fields)
    for (const d of p.distinct[f]!) if (!(chosenFor(p.values, f, d.value) ?? d.match)) unmatched++;
  return (
    <div className="import-values">
      <h3>{t('importValues.title')}</h3>
      <p className="hint">{t('importValues.intro')}</p>
      {fields.map((field) => {
        const allowed = allowedCodes(field, p.country);
        const col = p.columns[field];
        const caption = t('importValues.field', {
          column: col === undefined ? '' : (p.header[col] ?? ''),
          field: fieldLabel(t, field),
        });
        return (
          <div key={field} className="exchange-table-wrap">
            <table className="exchange-table" aria-label={caption}>
              <caption>
                <bdi>{caption}</bdi>
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('importValues.col.value')}</th>
                  <th scope="col">{t('importValues.col.rows')}</th>
                  <th scope="col">{t('importValues.col.becomes')}</th>
                </tr>
              </thead>
              <tbody>
                {p.distinct[field]!.slice(0, SHOWN).map((d) => {
                  const codes = chosenFor(p.values, field, d.value) ?? d.match ?? [];
                  const current = codes.join(',');
                  const multi = d.match && d.match.length > 1 ? [d.match.join(',')] : [];
                  const options = [...new Set([...multi, ...allowed])];
                  if (current && !options.includes(current)) options.unshift(current);
                  return (
                    <tr key={d.value} className={current ? '' : 'import-values-missing'}>
                      <th scope="row">
                        <bdi>{d.value}</bdi>
                      </th>
                      <td>{d.rows}</td>
                      <td>
                        <select
                          aria-label={`${fieldLabel(t, field)} : ${d.value}`}
                          value={current}
                          onChange={(e) =>
                            p.onChange(
                              choose(
                                p.values,
                                field,
                                d.value,
                                e.target.value ? e.target.value.split(',') : [],
                              ),
                            )
                          }
                        >
                          <option value="">{t('importValues.choose')}</option>
                          {options.map((o) => (
                            <option key={o} value={o}>
                              {field === 'populations' && o.split(',').length === allowed.length
                                ? t('importValues.all')
                                : o
                                    .split(',')
                                    .map((c) => codeLabel(t, field, c, p.country))
                                    .join(' + ')}
                            </option>
                          ))}
                        </select>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        );
      })}
      {unmatched > 0 && (
        <p role="status" className="warning">
          {t('importValues.unmatched', { count: unmatched })}
        </p>
      )}
      <div className="actions">
        <button type="button" className="primary" onClick={p.onCheck}>
          {t('importValues.check')}
        </button>
        <button type="button" onClick={p.onBack}>
          {t('importValues.back')}
        </button>
      </div>
    </div>
  );
};
