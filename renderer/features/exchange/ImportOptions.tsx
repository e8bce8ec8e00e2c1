/** Encoding and delimiter for CSV files, and the category given to services without one. */
import { SERVICE_CATEGORIES } from '@shared/domain/directory/schema';
import type { ServiceCategory } from '@shared/domain/directory/schema';
import type { Delimiter } from '@shared/domain/exchange/csv';
import { ENCODINGS } from '@shared/domain/exchange/text';
import type { EncodingChoice } from '@shared/domain/exchange/text';
import { useT } from '../../app/i18n';

const DELIMITER_NAMES = { ',': 'comma', ';': 'semicolon', '\t': 'tab', '|': 'pipe' } as const;

export const ImportOptions = (p: {
  encoding: EncodingChoice;
  setEncoding: (e: EncodingChoice) => void;
  delimiter: Delimiter | '';
  setDelimiter: (d: Delimiter | '') => void;
  category: ServiceCategory;
  setCategory: (c: ServiceCategory) => void;
}) => {
  const t = useT();
  return (
    <div className="exchange-options">
      <div className="field">
        <label htmlFor="exchange-encoding">{t('exchange.import.encoding')}</label>
        <select
          id="exchange-encoding"
          value={p.encoding}
          onChange={(e) => p.setEncoding(e.target.value as EncodingChoice)}
        >
          {ENCODINGS.map((e) => (
            <option key={e} value={e}>
              {t(`exchange.encoding.${e}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="exchange-delimiter">{t('exchange.import.delimiter')}</label>
        <select
          id="exchange-delimiter"
          value={p.delimiter}
          onChange={(e) => p.setDelimiter(e.target.value as Delimiter | '')}
        >
          <option value="">{t('exchange.delimiter.auto')}</option>
          {(Object.keys(DELIMITER_NAMES) as Delimiter[]).map((d) => (
            <option key={d} value={d}>
              {t(`exchange.delimiter.${DELIMITER_NAMES[d]}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="exchange-category">{t('exchange.import.defaultCategory')}</label>
        <select
          id="exchange-category"
          value={p.category}
          onChange={(e) => p.setCategory(e.target.value as ServiceCategory)}
        >
          {SERVICE_CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {t(`category.${c}`)}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
};
