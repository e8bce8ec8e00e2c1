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

/**
 * A list whose answers hold several values (a select_multiple): each value chosen is shown with
 * its label and a button that takes it away, and the drop-down adds one more. The option is
 * then the codes joined by ",", as a multi-value choice is everywhere here.
 */
export type MultiChoice = {
  /** The chosen values' list's accessible name, for a file value. */
  chosenLabel: (value: string) => string;
  /** A remove button's accessible name, for a file value and a chosen value's label. */
  removeLabel: (value: string, label: string) => string;
  /** The drop-down's first line once a value is chosen. */
  addText: string;
};

const ChosenValues = (p: {
  row: ChoiceRow;
  multi: MultiChoice;
  selectLabel: string;
  onChoose: (option: string) => void;
  disabled?: boolean;
}) => {
  const t = useT();
  const chosen = p.row.current.split(',').filter(Boolean);
  const label = (code: string) => p.row.options.find((o) => o.value === code)?.label ?? code;
  return (
    <div className="choice-multi">
      {chosen.length > 0 && (
        <ul className="choice-chosen" aria-label={p.multi.chosenLabel(p.row.value)}>
          {chosen.map((c) => (
            <li key={c}>
              <bdi>{label(c)}</bdi>
              <button
                type="button"
                aria-label={p.multi.removeLabel(p.row.value, label(c))}
                disabled={p.disabled}
                onClick={() => p.onChoose(chosen.filter((x) => x !== c).join(','))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <select
        aria-label={p.selectLabel}
        value=""
        disabled={p.disabled}
        onChange={(e) => e.target.value && p.onChoose([...chosen, e.target.value].join(','))}
      >
        <option value="">{chosen.length ? p.multi.addText : t('importValues.choose')}</option>
        {p.row.options
          .filter((o) => !chosen.includes(o.value))
          .map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
      </select>
    </div>
  );
};

export const ChoiceTable = (p: {
  caption: string;
  rows: ChoiceRow[];
  /** The drop-down's accessible name: it names the value and its list. */
  selectLabel: (value: string) => string;
  onChoose: (value: string, option: string) => void;
  disabled?: boolean;
  /** Several values per answer: each shown, each removable, one more added at a time. */
  multi?: MultiChoice;
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
                {p.multi ? (
                  <ChosenValues
                    row={r}
                    multi={p.multi}
                    selectLabel={p.selectLabel(r.value)}
                    onChoose={(option) => p.onChoose(r.value, option)}
                    disabled={p.disabled}
                  />
                ) : (
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
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
};
