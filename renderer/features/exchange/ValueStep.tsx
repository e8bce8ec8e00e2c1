/**
 * The value-mapping step: for each mapped closed-list column, every distinct value of the file
 * with its row count and what it becomes, matched where Passerelle could, a drop-down for the
 * rest. Nothing is written; the choices go to the check and are remembered per layout.
 */
import type { FlatField } from '@shared/domain/exchange/flat';
import type { ClosedField, DistinctValues, ValueMap } from '@shared/domain/exchange/valueMatch';
import { allowedCodes } from '@shared/domain/exchange/valueMatch';
import { useT } from '../../app/i18n';
import { ChoiceTable, choose, chosenFor } from './ChoiceTable';
import { codeLabel, fieldLabel } from './text';
import './import-values.css';

/** At most this many values per list on screen (a free-text column mapped by mistake). */
const SHOWN = 300;

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
          <ChoiceTable
            key={field}
            caption={caption}
            selectLabel={(value) => `${fieldLabel(t, field)} : ${value}`}
            onChoose={(value, option) =>
              p.onChange(choose(p.values, field, value, option ? option.split(',') : []))
            }
            rows={p.distinct[field]!.slice(0, SHOWN).map((d) => {
              const codes = chosenFor(p.values, field, d.value) ?? d.match ?? [];
              const current = codes.join(',');
              const multi = d.match && d.match.length > 1 ? [d.match.join(',')] : [];
              const options = [...new Set([...multi, ...allowed])];
              if (current && !options.includes(current)) options.unshift(current);
              return {
                value: d.value,
                rows: d.rows,
                current,
                options: options.map((o) => ({
                  value: o,
                  label:
                    field === 'populations' && o.split(',').length === allowed.length
                      ? t('importValues.all')
                      : o
                          .split(',')
                          .map((c) => codeLabel(t, field, c, p.country))
                          .join(' + '),
                })),
              };
            })}
          />
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
