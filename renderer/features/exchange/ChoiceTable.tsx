/**
 * One list's values as the file writes them, with their row counts and a drop-down of what
 * each becomes: the directory import's value step and the survey step's unmatched answers.
 * A row with nothing chosen is marked: its rows will be refused.
 */
import { valueKey } from '@shared/domain/exchange/valueMatch';
import { useT } from '../../app/i18n';
import './import-values.css';

/** List → normalised file value → codes: the directory's ValueMap, the survey's choices. */
type Choices<K extends string> = Partial<Record<K, Record<string, string[]>>>;

export const chosenFor = <K extends string>(values: Choices<K>, field: K, value: string) => {
  const m = values[field];
  const k = valueKey(value);
  return m && Object.hasOwn(m, k) ? m[k] : undefined;
};

/**
 * A new map with one choice changed (none = back to "to choose", so its rows are refused with
 * the allowed values named); built with fromEntries so no file value acts as a setter.
 */
export const choose = <K extends string>(
  values: Choices<K>,
  field: K,
  value: string,
  codes: string[],
): Choices<K> => ({
  ...values,
  [field]: Object.fromEntries([
    ...Object.entries(values[field] ?? {}).filter(([k]) => k !== valueKey(value)),
    ...(codes.length ? [[valueKey(value), codes] as const] : []),
  ]),
});

export type ChoiceOption = { value: string; label: string };
export type ChoiceRow = {
  /** As written in the file. */
  value: string;
  rows: number;
  /** The option chosen, '' for none. */
  current: string;
  options: ChoiceOption[];
};

export const ChoiceTable = (p: {
  caption: string;
  rows: ChoiceRow[];
  /** The drop-down's accessible name: it names the value and its list. */
  selectLabel: (value: string) => string;
  onChoose: (value: string, option: string) => void;
  disabled?: boolean;
}) => {
  const t = useT();
  return (
    <div className="exchange-table-wrap">
      <table className="exchange-table" aria-label={p.caption}>
        <caption>
          <bdi>{p.caption}</bdi>
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('importValues.col.value')}</th>
            <th scope="col">{t('importValues.col.rows')}</th>
            <th scope="col">{t('importValues.col.becomes')}</th>
          </tr>
        </thead>
        <tbody>
          {p.rows.map((r) => (
            <tr key={r.value} className={r.current ? '' : 'import-values-missing'}>
              <th scope="row">
                <bdi>{r.value}</bdi>
              </th>
              <td>{r.rows}</td>
              <td>
                <select
                  aria-label={p.selectLabel(r.value)}
                  value={r.current}
                  disabled={p.disabled}
                  onChange={(e) => p.onChoose(r.value, e.target.value)}
                >
                  <option value="">{t('importValues.choose')}</option>
                  {r.options.map((o) => (
                    <option key={o.value} value={o.value}>
                      {o.label}
                    </option>
                  ))}
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
};
