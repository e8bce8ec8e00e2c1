/** Encoding and delimiter for CSV files, and the category given to services without one. */
import { SERVICE_CATEGORIES } from '@shared/domain/directory/schema';
import type { ServiceCategory } from '@shared/domain/directory/schema';
import type { Delimiter } from '@shared/domain/exchange/csv';
import { ENCODINGS } from '@shared/domain/exchange/text';
import type { EncodingChoice } from '@shared/domain/exchange/text';
import { useT } from '../../app/i18n';
import { SelectField } from '../../ui/Field';

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
      <SelectField
        label={t('exchange.import.encoding')}
        value={p.encoding}
        options={ENCODINGS.map((e) => ({ value: e, label: t(`exchange.encoding.${e}`) }))}
        onChange={p.setEncoding}
      />
      <SelectField<Delimiter | ''>
        label={t('exchange.import.delimiter')}
        value={p.delimiter}
        options={[
          { value: '', label: t('exchange.delimiter.auto') },
          ...(Object.keys(DELIMITER_NAMES) as Delimiter[]).map((d) => ({
            value: d,
            label: t(`exchange.delimiter.${DELIMITER_NAMES[d]}`),
          })),
        ]}
        onChange={p.setDelimiter}
      />
      <SelectField
        label={t('exchange.import.defaultCategory')}
        value={p.category}
        options={SERVICE_CATEGORIES.map((c) => ({ value: c, label: t(`category.${c}`) }))}
        onChange={p.setCategory}
      />
    </div>
  );
};
