/**
 * A date field in the interface language, replacing `<input type="date">`, whose order and
 * digits follow the browser's locale (mm/dd/yyyy in a French interface). Shows and accepts the
 * locale's day/month/year order (or ISO), Latin or Arabic-Indic digits; hands the form an ISO
 * date, or '' while what is typed is not a date (and says so with aria-invalid).
 */
import { useMemo, useState } from 'react';
import { dateOrder, formatTypedDate, parseTypedDate } from '@shared/i18n/dates';
import { useLocale, useT } from '../app/i18n';

export type DateFieldProps = {
  id: string;
  value: string;
  onChange: (isoDate: string) => void;
  /** Latest allowed ISO date (e.g. today for a consent). */
  max?: string;
  name?: string;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
};

export const useDatePattern = () => {
  const t = useT();
  const { intlLocale } = useLocale();
  const order = useMemo(() => dateOrder(intlLocale), [intlLocale]);
  const pattern = order.map((p) => t(`date.letter.${p}`)).join('/');
  return { order, pattern, intlLocale };
};

export const DateField = ({ value, onChange, max, ...rest }: DateFieldProps) => {
  const { order, pattern, intlLocale } = useDatePattern();
  const shown = (iso: string) => formatTypedDate(iso, order, intlLocale);
  const [text, setText] = useState(() => shown(value));
  const [seen, setSeen] = useState({ value, intlLocale });
  const parse = (s: string) => {
    const iso = parseTypedDate(s, order);
    return iso && (!max || iso <= max) ? iso : undefined;
  };
  // A value set from outside (filters cleared) or a new language rewrites the text.
  if (seen.value !== value || seen.intlLocale !== intlLocale) {
    setSeen({ value, intlLocale });
    if (seen.intlLocale !== intlLocale || (parse(text) ?? '') !== value) setText(shown(value));
  }
  const invalid = text.trim() !== '' && parse(text) === undefined;
  return (
    <input
      {...rest}
      type="text"
      inputMode="numeric"
      autoComplete="off"
      dir="ltr"
      className="date-field"
      placeholder={pattern}
      value={text}
      aria-invalid={rest['aria-invalid'] || invalid || undefined}
      onChange={(e) => {
        setText(e.target.value);
        const iso = parse(e.target.value) ?? '';
        setSeen({ value: iso, intlLocale });
        if (iso !== value) onChange(iso);
      }}
      onBlur={() => {
        const iso = parse(text);
        if (iso) setText(shown(iso));
      }}
    />
  );
};
