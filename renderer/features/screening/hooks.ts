/** The office's screening form, and its texts in the interface language. */
import { useCallback } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { Localized } from '@shared/domain/screening/core';
import { useData } from '../../app/data';
import { useLocale } from '../../app/i18n';
import type { ScreeningConfig } from '../../data/repositories/screening';

export const useScreeningConfig = (): ScreeningConfig | undefined => {
  const { repos } = useData();
  return useLiveQuery(() => repos.screening.getConfig(), [repos]);
};

/** A text of the form in the interface language (French, the reference, otherwise). */
export const useLocalized = (): ((text: Localized) => string) => {
  const { locale } = useLocale();
  return useCallback(
    (text: Localized) => (locale in text ? text[locale as keyof Localized] : text.fr),
    [locale],
  );
};

/** The form's language for what a screening writes (needs named in the referral). */
export const useFormLanguage = (): keyof Localized => {
  const { locale } = useLocale();
  return (['fr', 'en', 'pt', 'ar'] as const).find((l) => l === locale) ?? 'fr';
};
