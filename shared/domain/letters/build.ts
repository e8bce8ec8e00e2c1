/**
 * Builds a letter's model from a referral, the directory and the settings, applying
 * need-to-know (needToKnow.ts) and the consent gate (referrals/rules.ts). Pure: the date, the
 * reference and the translator for the letter's language are passed in.
 */
import type { MessageId } from '../../i18n/catalogues';
import { areaByCode, areaName } from '../directory/areas';
import type { ServiceView } from '../directory/schema';
import type { OfficeProfile } from '../settings/schema';
import type { GateResult } from '../referrals/rules';
import { consentGate, mayShareName } from '../referrals/rules';
import type { Referral } from '../referrals/schema';
import { URGENCY_HOURS } from '../referrals/schema';
import type { Letterhead } from './letterhead';
import type { LetterLocale } from './letterLocales';
import { intlLocale } from './letterLocales';
import { hijriDate } from '../../i18n/dates';
import type { Fact, LetterModel } from './model';
import { letterModelSchema, lines } from './model';
import { fieldsFor } from './needToKnow';

export type LetterTranslate = (id: MessageId, values?: Record<string, string | number>) => string;

export type LetterOptions = {
  locale: LetterLocale;
  /** The officer says the recipient needs the name; consent must allow it too. */
  includeName: boolean;
  contact: { name: string; title: string; phone: string; email: string };
  signatory: { name: string; title: string };
  stamp: boolean;
};

export type LetterInput = {
  referral: Referral;
  view: ServiceView;
  office: OfficeProfile;
  letterhead: Letterhead;
  reference: string;
  /** Issue date, ISO local date. */
  date: string;
  options: LetterOptions;
  t: LetterTranslate;
};

export type BuildResult =
  | { ok: true; model: LetterModel }
  | { ok: false; error: Extract<GateResult, { ok: false }>['error'] };

const capitalize = (s: string, locale: LetterLocale): string =>
  s.charAt(0).toLocaleUpperCase(intlLocale(locale)) + s.slice(1);

const addDays = (isoDate: string, days: number): string =>
  new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * "3 mars 2026", "1er mars 2026", "3 March 2026", "3 de março de 2026", "٣ مارس ٢٠٢٦": official
 * style, no weekday, always the Gregorian calendar (ar-SA would default to the Hijri one).
 */
export const formatLetterDate = (isoDate: string, locale: LetterLocale): string => {
  const d = new Date(`${isoDate}T00:00:00Z`);
  const text = new Intl.DateTimeFormat(intlLocale(locale), {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    calendar: 'gregory',
    timeZone: 'UTC',
  }).format(d);
  return locale === 'fr' && d.getUTCDate() === 1 ? text.replace(/^1 /, '1er ') : text;
};

/**
 * The issue date as the date line prints it: Gregorian, and when the office asked for it the
 * Umm al-Qura date beside it ("3 March 2026 (14 Ramadan 1447 AH)", "3 مارس 2026م الموافق 14
 * رمضان 1447 هـ"), in the letter's language.
 */
export const letterDate = (
  isoDate: string,
  locale: LetterLocale,
  hijri: boolean,
  t: LetterTranslate,
): string => {
  const gregorian = formatLetterDate(isoDate, locale);
  return hijri
    ? t('letterHijri.dateWithHijri', { gregorian, hijri: hijriDate(isoDate, intlLocale(locale)) })
    : gregorian;
};

const displayName = (locale: LetterLocale, type: 'language' | 'region', code: string): string => {
  try {
    return new Intl.DisplayNames([intlLocale(locale)], { type }).of(code) ?? code;
  } catch {
    return code;
  }
};

const STATES = ['ML', 'MZ', 'SA', 'BH', 'PK'] as const;
/** Mali prints its motto under the state's name; the others print the name alone. */
const stateLines = (country: string, t: LetterTranslate): string[] => {
  const code = STATES.find((c) => c === country);
  if (!code) return [];
  return code === 'ML'
    ? [t('letterCountry.state.ML'), t('letterCountry.motto.ML')]
    : [t(`letterCountry.state.${code}`)];
};

export const buildLetterModel = (input: LetterInput): BuildResult => {
  const { referral, view, office, letterhead: lh, options, t } = input;
  const { locale } = options;
  const gate = consentGate(referral, view.service);
  if (!gate.ok) return gate;
  const details = referral.caseDetails;
  const list = (items: string[]) =>
    new Intl.ListFormat(intlLocale(locale), { style: 'long', type: 'conjunction' }).format(items);
  const date = letterDate(input.date, locale, lh.hijri, t);
  // An urgency in days is answered by the end of the day it falls on.
  const dueDate = addDays(input.date, Math.ceil(URGENCY_HOURS[referral.urgency] / 24));
  const due = formatLetterDate(dueDate, locale);
  const name =
    gate.basis === 'consent' && options.includeName && mayShareName(referral, view.service)
      ? (details.person?.name ?? null)
      : null;

  const needs = [
    ...details.needs.filter((n) => n !== 'other').map((n) => t(`referrals.need.${n}`)),
    ...(details.needs.includes('other') && details.needsOther ? [details.needsOther] : []),
  ];
  // The service's name stands alone in its row: no article is ever glued to it.
  const facts: Fact[] = [
    { key: 'service', label: t('letterCountry.fact.service'), value: view.service.name },
    { key: 'caseCode', label: t('letter.fact.caseCode'), value: referral.caseCode },
    {
      key: 'person',
      label: t('letter.fact.person'),
      value: name ?? t('letter.fact.personWithheld'),
    },
    { key: 'services', label: t('letter.fact.services'), value: capitalize(list(needs), locale) },
    {
      key: 'languages',
      label: t('letter.fact.languages'),
      value: details.languages.length
        ? list(details.languages.map((l) => displayName(locale, 'language', l)))
        : t('letter.fact.notSpecified'),
    },
  ];
  for (const field of fieldsFor(view.service.category, details.needs)) {
    const value =
      field === 'gender'
        ? t(`referrals.gender.${details.gender}`)
        : field === 'ageBand'
          ? t(`referrals.age.${details.ageBand}`)
          : field === 'traffickingStatus'
            ? t(`referrals.status.${details.traffickingStatus}`)
            : field === 'citizenship'
              ? details.citizenship.length
                ? list(details.citizenship.map((c) => displayName(locale, 'region', c)))
                : t('letter.fact.notSpecified')
              : details.exploitationTypes.length
                ? list(details.exploitationTypes.map((e) => t(`referrals.exploitation.${e}`)))
                : t('letter.fact.notSpecified');
    facts.push({ key: field, label: t(`letter.fact.${field}`), value });
  }
  facts.push({
    key: 'reason',
    label: t('letter.fact.reason'),
    value: t(`referrals.reason.${details.reason}`),
  });
  if (details.reasonDetails)
    facts.push({ key: 'details', label: t('letter.fact.details'), value: details.reasonDetails });

  const consent =
    gate.basis === 'override' && referral.consentOverride
      ? t('letter.consent.override', {
          by: referral.consentOverride.by,
          date: formatLetterDate(referral.consentOverride.at.slice(0, 10), locale),
          reason: referral.consentOverride.reason,
        })
      : `${t('letter.consent.given', {
          method: t(`letter.consentMethod.${referral.consent.method ?? 'other'}`),
          date: formatLetterDate(referral.consent.date ?? input.date, locale),
          recipient: referral.consent.recipient?.name ?? view.service.name,
        })} ${t(name ? 'letter.consent.nameShared' : 'letter.consent.nameWithheld')}`;

  const loc = view.locations[0];
  // A restricted address (a shelter's) is not printed on a letter that may travel with the person.
  const street = loc && loc.visibility === 'public' ? loc.address.address1 : '';
  // The region in the letter's language (الشمالية in an Arabic letter), else its official name.
  const area = loc ? areaByCode(loc.address.adminAreaCode) : undefined;
  const region = area ? areaName(area, locale) : '';
  const orgName = view.organization?.name ?? '';
  const { contact } = options;
  const model: LetterModel = {
    schemaVersion: 1,
    locale,
    reference: input.reference,
    date: input.date,
    place: lh.place,
    caseCode: referral.caseCode,
    personName: name,
    urgency: referral.urgency,
    dueDate,
    needs: details.needs,
    basis: gate.basis,
    from: {
      officeName: office.officeName,
      authority: lines(lh.authority),
      // The letterhead's lines, else the state's name (and motto, where one is printed).
      motto: lh.motto ? lines(lh.motto) : stateLines(office.country, t),
      address: lines(lh.address),
      contact: [
        lh.phone && t('letter.phone', { phone: lh.phone }),
        lh.email && t('letter.email', { email: lh.email }),
      ]
        .filter(Boolean)
        .join(' · '),
      footer: lh.footer,
      logo: lh.logo,
    },
    to: {
      serviceName: view.service.name,
      organizationName: orgName,
      lines: [
        view.service.name,
        ...(orgName && orgName !== view.service.name ? [orgName] : []),
        ...[street, [...new Set([loc?.address.city, region])].filter(Boolean).join(', ')].filter(
          Boolean,
        ),
      ],
    },
    contact,
    signatory: options.signatory,
    stamp: options.stamp,
    text: {
      title: t('letterCountry.title'),
      confidential: t('letter.confidential'),
      referenceLine: t('letterCountry.referenceLine', { reference: input.reference }),
      dateLine: lh.place
        ? t('letterCountry.dateLine', { place: lh.place, date })
        : t('letterCountry.dateLineNoPlace', { date }),
      toLabel: t('letterCountry.toLabel'),
      subjectLabel: t('letterCountry.subjectLabel'),
      subject: t('letterCountry.subject', { caseCode: referral.caseCode }),
      urgencyLabel: t('letter.urgencyLabel'),
      urgency: t('letter.urgency', { delay: t(`letter.urgency.${referral.urgency}`), due }),
      salutation: t('letterCountry.salutation'),
      intro: t('letterCountry.intro'),
      facts,
      consentLabel: t('letter.consentLabel'),
      consent,
      request: t('letter.request', { due }),
      contactLabel: t('letter.contactLabel'),
      contact: [
        [contact.name, contact.title].filter(Boolean).join(', '),
        contact.phone && t('letter.phone', { phone: contact.phone }),
        contact.email && t('letter.email', { email: contact.email }),
      ]
        .filter(Boolean)
        .join(' · '),
      notice: t('letter.notice'),
      closing: t('letterCountry.closing'),
      stampLabel: t('letter.stamp'),
    },
  };
  // Parsing is the contract of the stored snapshot: what cannot be re-read is never issued.
  return { ok: true, model: letterModelSchema.parse(model) };
};
