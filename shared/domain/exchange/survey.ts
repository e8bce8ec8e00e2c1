/**
 * Survey exports of the HTCDS XLSForm (KoBoToolbox, ODK Central; CSV or XLSX) → referral
 * drafts. Column names carry the form's groups ("group_x/vic_TypeOfExploitation" in KoBo,
 * "group_x-vic_…" in ODK) and are read by their last part; multi-select answers are
 * space-separated value names ("ForcedLabour SexualExploitation"), or labels when the export
 * was made with labels. KoBo (and ODK Central, "split select multiple") may also or instead write
 * one column per choice ("group_x/vic_TypeOfExploitation/ForcedLabour", cells 1/0): read into the
 * same answer when the one column is absent or empty, and where both are there they must agree or
 * the row is refused (surveySplit.ts). Values go through the same matching as the directory
 * import: value names, interface labels in fr/en/pt/ar, accents and case ignored.
 *
 * What a row becomes: a DRAFT referral of this office with its own new case code, holding the
 * HTCDS case fields we keep (trafficking status, types of exploitation, gender, age band,
 * citizenship, languages, the referral's details as internal notes). Identifying answers
 * (names, phones, e-mail, mailing address, birth date) are never stored: a name is kept only
 * under a consent naming its recipient, which the coordinator records on each referral; the
 * birth date only gives the age band. A survey's consent answer is not a consent record: it is
 * reported, for the coordinator to record. The receiving service, the needs and the urgency —
 * which the form does not ask — are chosen once for the file; the coordinator completes each
 * draft before anything is sent. The submission's `_uuid` gives the draft's id, so importing the
 * same export again updates the drafts instead of adding new ones.
 */
import { z } from 'zod';
import { catalogues } from '../../i18n/catalogues';
import type { AgeBand, CaseDetails } from '../referrals/schema';
import { EXPLOITATION_TYPES, GENDERS, TRAFFICKING_STATUSES } from '../referrals/schema';
import { isCountryCode } from '../referrals/countries';
import { fromExcelSerial } from './dates';
import { headerSignature } from './mapping';
import { stableId } from './ids';
import type { ChoiceColumn } from './surveySplit';
import { choiceCell, choiceColumns, sameAnswer, splitValues } from './surveySplit';
import type { SurveyCase, SurveyPlan, SurveyUnmatched } from './surveyPlan';
import type { Issue } from './types';
import { valueKey } from './valueMatch';
import { languageCode } from './values';

// The plan's types are its schema's (it crosses the survey worker's boundary).
export type { SurveyCase, SurveyPlan, SurveyUnmatched };

/** The HTCDS names we read, by the case field they fill. */
export const SURVEY_COLUMNS = {
  traffickingStatus: 'vic_TraffickingStatus',
  exploitationTypes: 'vic_TypeOfExploitation',
  gender: 'prs_Gender',
  citizenship: 'prs_Citizenship',
  languages: 'prs_PrimaryLanguage',
  birthdate: 'prs_Birthdate',
  consent: 'con_Consent',
  reason: 'cas_ReasonForIncomingReferral',
  details: 'cas_IncomingReferralDetails',
} as const;
export type SurveyField = keyof typeof SURVEY_COLUMNS;

/** Answers that identify the person: never stored (see above), their columns reported. */
const PERSONAL =
  /^prs_(Salutation|First_?Name|Second_?Name|Last_?Name|Title|Email|HomePhone|MobilePhone|Mailing\w*|Birthdate|Address\w*|Phone\w*|Name)$/i;
const META =
  /^(_.*|start|end|today|deviceid|username|instanceID|instanceName|__version__|meta|SubmissionDate|KEY|SubmitterID|SubmitterName|AttachmentsPresent|AttachmentsExpected|Status|ReviewState|DeviceID|Edits|FormVersion)$/i;

/** "group_x/vic_TypeOfExploitation", "group_x-vic_…", "meta/instanceID" → the question's name. */
export const questionName = (header: string): string => {
  const last = header.trim().split('/').pop() ?? '';
  const htcds = /(?:^|-)((?:vic|prs|cas|con|trf|exp)_\w+)$/.exec(last);
  return htcds ? htcds[1]! : last;
};

const HTCDS_NAME = /^(vic|prs|cas|con|trf|exp)_/;

/** A survey export of the HTCDS form: two HTCDS questions, or one with the export's ids. */
export const isSurveyHeader = (header: readonly string[]): boolean => {
  const names = header.map(questionName);
  const htcds = names.filter((n) => /^(vic|prs|cas|con)_/.test(n)).length;
  const ids = names.some((n) => n === '_uuid' || n === 'instanceID' || n === 'KEY');
  return htcds >= 2 || (htcds >= 1 && ids);
};

type Index = Map<string, string>;
const LABEL_PREFIX = {
  traffickingStatus: 'referrals.status.',
  exploitationTypes: 'referrals.exploitation.',
  gender: 'referrals.gender.',
} as const;
const ALLOWED = {
  traffickingStatus: TRAFFICKING_STATUSES,
  exploitationTypes: EXPLOITATION_TYPES,
  gender: GENDERS,
} as const;
/** The XLSForm's own English labels, which exports "with labels" write. */
const FORM_LABELS: Record<string, string> = {
  'Possible victim of trafficking': 'PossibleVictimOfTrafficking',
  'Actual victim of trafficking': 'ActualVictimOfTrafficking',
  'Not a victim of trafficking': 'NotAVictimOfTrafficking',
  'Forced military (by non-state actors)': 'ForcedMilitaryByNonStateActors',
  'Not Specified/Unknown': 'NonSpecifiedUnknown',
  'Non-Conforming': 'NonConforming',
};
let indexes: Record<keyof typeof ALLOWED, Index> | undefined;
const indexOf = (field: keyof typeof ALLOWED): Index => {
  indexes ??= Object.fromEntries(
    (Object.keys(ALLOWED) as (keyof typeof ALLOWED)[]).map((f) => {
      const m: Index = new Map();
      const allowed: readonly string[] = ALLOWED[f];
      for (const code of allowed) {
        m.set(valueKey(code), code);
        m.set(valueKey(code.replace(/([a-z])([A-Z])/g, '$1 $2')), code);
      }
      for (const [label, code] of Object.entries(FORM_LABELS))
        if (allowed.includes(code)) m.set(valueKey(label), code);
      for (const cat of Object.values(catalogues) as Record<string, string>[])
        for (const [id, label] of Object.entries(cat))
          if (id.startsWith(LABEL_PREFIX[f]) && allowed.includes(id.slice(LABEL_PREFIX[f].length)))
            m.set(valueKey(label), id.slice(LABEL_PREFIX[f].length));
      return [f, m];
    }),
  ) as Record<keyof typeof ALLOWED, Index>;
  return indexes[field];
};

/** The answer lists with a closed set of codes, which the user may map by hand. */
export type SurveyClosed = keyof typeof ALLOWED;
export const SURVEY_CLOSED = Object.keys(ALLOWED) as SurveyClosed[];
export const surveyAllowed = (field: SurveyClosed): readonly string[] => ALLOWED[field];

/** Answers chosen per list at most (a free-text question mapped by mistake). */
export const SURVEY_CHOICES_MAX = 500;

/**
 * What the user chose for answers matched by nothing: list → normalised answer (valueKey) →
 * codes. Remembered per layout, so it is data like any other: known lists, allowed codes only.
 */
export type SurveyChoices = Partial<Record<SurveyClosed, Record<string, string[]>>>;
const MULTI: Record<SurveyClosed, boolean> = {
  traffickingStatus: false,
  exploitationTypes: true,
  gender: false,
};
/** Whether a list's answers hold several values (a select_multiple in the form). */
export const isSurveyMulti = (field: SurveyClosed): boolean => MULTI[field];
/**
 * Keys are answers in their normalised form (valueKey), which has no "_": "__proto__" can never
 * be one, so a crafted key is refused rather than dropped or assigned. Codes are the list's own, once each,
 * one only for a single-answer list.
 */
/** Own keys, read before zod (whose records skip a "__proto__" key instead of refusing it). */
const keysWithin = (v: unknown, ok: (k: string) => boolean, max: number): boolean =>
  typeof v === 'object' &&
  v !== null &&
  !Array.isArray(v) &&
  Object.keys(v).length <= max &&
  Object.keys(v).every(ok);
const isAnswerKey = (k: string) => k.length > 0 && k.length <= 200 && k === valueKey(k);
const LISTS: readonly string[] = SURVEY_CLOSED;

export const surveyChoicesSchema: z.ZodType<SurveyChoices> = z
  .custom<unknown>((v) => keysWithin(v, (k) => LISTS.includes(k), LISTS.length), 'unknown list')
  .pipe(
    z
      .object(
        Object.fromEntries(
          SURVEY_CLOSED.map((f) => [
            f,
            z
              .custom<unknown>(
                (v) => keysWithin(v, isAnswerKey, SURVEY_CHOICES_MAX),
                'not normalised answers, or too many',
              )
              .pipe(
                z.record(
                  z.string(),
                  z
                    .array(z.enum(ALLOWED[f] as unknown as [string, ...string[]]))
                    .min(1)
                    .max(MULTI[f] ? ALLOWED[f].length : 1)
                    .refine((codes) => new Set(codes).size === codes.length, 'a code twice'),
                ),
              )
              .optional(),
          ]),
        ),
      )
      .strict(),
  ) as unknown as z.ZodType<SurveyChoices>;

const chosen = (choices: SurveyChoices, field: SurveyClosed, text: string) => {
  const m = choices[field];
  const k = valueKey(text);
  return m && Object.hasOwn(m, k) && m[k]!.length ? m[k] : undefined;
};

/** The code one answer names, or undefined. */
export const surveyValue = (field: SurveyClosed, text: string): string | undefined =>
  indexOf(field).get(valueKey(text));

/** Words of the longest value a list names, by list: a longer piece is never looked up. */
const longest: Partial<Record<SurveyClosed, number>> = {};
const wordsIn = (key: string) => key.split(' ').length;
const longestValue = (field: SurveyClosed, choices: SurveyChoices): number =>
  Math.max(
    (longest[field] ??= Math.max(...[...indexOf(field).keys()].map(wordsIn))),
    ...Object.keys(choices[field] ?? {}).map(wordsIn),
  );

/** Words of a part at most that are matched as labels (a free-text answer is not a list). */
const SEGMENT_WORDS = 16;

/**
 * A choice name as the form writes it, which no label looks like: "ForcedLabour" or
 * "forced_labour", a code of the list. One found in an answer means the export wrote names.
 */
const isCodeName = (field: SurveyClosed, word: string): boolean =>
  /[a-z][A-Z]|_/.test(word) && surveyValue(field, word) !== undefined;

/**
 * An answer's words cut into pieces, each a value (code, label, a choice of the user) or a run
 * of words that is none: the fewest words left unnamed, then the fewest pieces. So a label the
 * form does not name stays one answer ("Travail domestique"), and labels written one after the
 * other are each found ("Exploitation sexuelle Travail forcé"). Words come normalised
 * (valueKey), so a piece is looked up by joining them, never normalised again.
 */
const segment = (
  words: readonly string[],
  keys: readonly string[],
  known: (key: string) => string[] | undefined,
  most: number,
) => {
  type Best = { unnamed: number; pieces: number; from: number; codes?: string[] };
  const best: Best[] = [{ unnamed: 0, pieces: 0, from: -1, codes: [] }];
  for (let end = 1; end <= words.length; end++) {
    let b: Best | undefined;
    for (let from = 0; from < end; from++) {
      const prev = best[from]!;
      const codes = end - from <= most ? known(keys.slice(from, end).join(' ')) : undefined;
      // Unnamed words next to each other are one run: never two pieces.
      if (!codes && !prev.codes) continue;
      const c = {
        unnamed: prev.unnamed + (codes ? 0 : end - from),
        pieces: prev.pieces + 1,
        from,
        codes,
      };
      if (!b || c.unnamed < b.unnamed || (c.unnamed === b.unnamed && c.pieces < b.pieces)) b = c;
    }
    best.push(b!);
  }
  const codes: string[] = [];
  const unknown: string[] = [];
  for (let end = words.length; end > 0; end = best[end]!.from) {
    const b = best[end]!;
    if (b.codes) codes.unshift(...b.codes);
    else unknown.unshift(words.slice(b.from, end).join(' '));
  }
  return { codes, unknown };
};

/**
 * A select_multiple cell's codes. In the XLSForm (and so in KoBo and ODK exports) only
 * vic_TypeOfExploitation among the questions read is a select_multiple; its answers are choice
 * names separated by spaces, and a choice name has no space. Exports with labels write labels,
 * which have spaces, separated by ";", "," or a space. So: the whole cell first, then each part
 * between ";" / ","; a part holding a choice name is names, one per word; any other is labels,
 * cut where values are found, a label nothing names kept whole.
 */
export const multiValues = (
  field: SurveyClosed,
  cell: string,
  choices: SurveyChoices = {},
): { codes: string[]; unknown: string[] } => {
  const codes: string[] = [];
  const unknown: string[] = [];
  const byKey = (k: string) => {
    const code = indexOf(field).get(k);
    const m = choices[field];
    return code ? [code] : m && Object.hasOwn(m, k) && m[k]!.length ? m[k] : undefined;
  };
  const one = (text: string) => byKey(valueKey(text));
  const whole = one(cell);
  if (whole) return { codes: whole, unknown };
  for (const part of cell
    .split(/[;,]/)
    .map((s) => s.trim())
    .filter(Boolean)) {
    const hit = one(part);
    if (hit) {
      codes.push(...hit);
      continue;
    }
    // Words with a letter or digit; the same twice in a row ("GARIMPO Garimpo") is one answer.
    const all = part.split(/\s+/).map((w) => ({ w, k: valueKey(w) }));
    const words = all.filter((x, i) => x.k && (i === 0 || x.k !== all[i - 1]!.k));
    const names = words.some((x) => isCodeName(field, x.w)) || words.length > SEGMENT_WORDS;
    const found = names
      ? {
          codes: words.flatMap((x) => byKey(x.k) ?? []),
          unknown: words.filter((x) => !byKey(x.k)).map((x) => x.w),
        }
      : segment(
          words.map((x) => x.w),
          words.map((x) => x.k),
          byKey,
          longestValue(field, choices),
        );
    codes.push(...found.codes);
    unknown.push(...found.unknown);
  }
  return { codes: [...new Set(codes)], unknown };
};

/** CTDC's bands, from the birth date at the submission date. */
export const ageBandOf = (birth: string, at: string): AgeBand => {
  const b = /^(\d{4})-(\d{2})-(\d{2})/.exec(birth);
  const a = /^(\d{4})-(\d{2})-(\d{2})/.exec(at);
  if (!b || !a) return 'unknown';
  let age = Number(a[1]) - Number(b[1]);
  if (a[2]! + a[3]! < b[2]! + b[3]!) age--;
  if (age < 0 || age > 120) return 'unknown';
  const bands: [number, AgeBand][] = [
    [8, '0-8'], [17, '9-17'], [20, '18-20'], [23, '21-23'], [26, '24-26'], [29, '27-29'],
    [38, '30-38'], [47, '39-47'],
  ]; // prettier-ignore
  return bands.find(([max]) => age <= max)?.[1] ?? '48+';
};

const isoDateOf = (cell: string): string => {
  const t = cell.trim();
  if (/^\d{4,5}(\.\d+)?$/.test(t)) return fromExcelSerial(Number(t)) ?? '';
  return /^\d{4}-\d{2}-\d{2}/.test(t) ? t.slice(0, 10) : '';
};

export type SurveyRow = { row: number; cells: readonly string[] };

export const planSurvey = (
  header: readonly string[],
  rows: readonly SurveyRow[],
  ctx: { office: string; now: string; newId: () => string; choices?: SurveyChoices },
): SurveyPlan => {
  const choices = ctx.choices ?? {};
  const unmatched = new Map<string, SurveyUnmatched>();
  const notNamed = (field: SurveyClosed, value: string) => {
    const key = `${field}\u0000${valueKey(value)}`;
    const u = unmatched.get(key);
    if (u) u.rows++;
    else unmatched.set(key, { field, value, rows: 1 });
  };
  const names = header.map(questionName);
  const col = (name: string) => names.findIndex((n) => n.toLowerCase() === name.toLowerCase());
  const cols = Object.fromEntries(
    Object.entries(SURVEY_COLUMNS).map(([f, n]) => [f, col(n)]),
  ) as Record<SurveyField, number>;
  const uuidCol = [col('_uuid'), col('instanceID'), col('KEY')].find((c) => c >= 0) ?? -1;
  const timeCol =
    [col('_submission_time'), col('SubmissionDate'), col('end')].find((c) => c >= 0) ?? -1;
  const expName = SURVEY_COLUMNS.exploitationTypes.toLowerCase();
  const split = choiceColumns(header, (h) => questionName(h).toLowerCase() === expName);
  const used = new Set<number>([
    ...Object.values(cols),
    uuidCol,
    timeCol,
    ...split.map((c) => c.index),
  ]);
  const personal = header.filter((_, i) => PERSONAL.test(names[i]!));
  // Another select_multiple's columns per choice are its question, named once.
  const ignored = [
    ...new Set(
      header
        .filter(
          (h, i) =>
            !used.has(i) && !PERSONAL.test(names[i]!) && !META.test(names[i]!) && h.trim() !== '',
        )
        .map((h) => {
          const at = h.lastIndexOf('/');
          return at > 0 && HTCDS_NAME.test(questionName(h.slice(0, at))) ? h.slice(0, at) : h;
        }),
    ),
  ];
  const issues: Issue[] = [];
  const rejected = new Set<number>();
  const cases: SurveyCase[] = [];
  const seen = new Map<string, number>();

  /**
   * A row's types of exploitation, from the one column, the columns per choice, or both, which
   * must then agree. Answers nothing names are noted once per row and answer (for the choice on
   * screen), then mapped by the user's choices or refused.
   */
  const exploitationOf = (
    r: SurveyRow,
    cell: string,
    rowIssues: Issue[],
    column: string,
  ): { codes: string[] } => {
    const f = 'exploitationTypes';
    const issue = (i: Omit<Issue, 'row' | 'severity' | 'field'>) =>
      rowIssues.push({ row: r.row, severity: 'error', field: `survey.${f}`, ...i });
    const refuse = (col: string, value: string) =>
      issue({ column: col, code: 'exchange.issue.notAllowed', value, allowed: [...ALLOWED[f]] });
    const picked: ChoiceColumn[] = [];
    const unreadable: ChoiceColumn[] = [];
    let asked = false;
    for (const c of split) {
      const v = (r.cells[c.index] ?? '').trim();
      let state = choiceCell(v, c.choice);
      // A label where the header has the name (or the other way round) names the same choice.
      const code = state === 'unreadable' ? surveyValue(f, c.choice) : undefined;
      if (code && surveyValue(f, v) === code) state = 'chosen';
      if (state !== 'empty') asked = true;
      if (state === 'chosen') picked.push(c);
      if (state === 'unreadable') unreadable.push(c);
    }
    // One line for the row, whatever the number of columns (a crafted file cannot flood it).
    if (unreadable.length)
      issue({
        column: unreadable.map((c) => header[c.index]!).join(', '),
        code: 'importSurvey.issue.choiceCell',
        value: unreadable.map((c) => (r.cells[c.index] ?? '').trim()).join(', '),
      });
    const fromColumn = cell ? multiValues(f, cell) : undefined;
    const fromSplit = asked ? splitValues(picked, (t) => surveyValue(f, t)) : undefined;
    const both = fromColumn && fromSplit;
    if (both && !sameAnswer(fromColumn, fromSplit)) {
      const columns = picked.map((c) => header[c.index]!).join(', ');
      issue({
        column,
        value: cell,
        ...(columns
          ? { code: 'importSurvey.issue.splitDisagrees', fix: columns }
          : { code: 'importSurvey.issue.splitNone', fix: `${column}/…` }),
      });
      return { codes: [] };
    }
    const unknown = [...(fromColumn?.unknown ?? []), ...(fromSplit?.unknown ?? [])];
    // Once per row and answer: "Garimpo garimpo" is one answer on one row.
    const words = new Map(unknown.map((w) => [valueKey(w), w]));
    for (const word of words.values()) notNamed(f, word);
    if (fromColumn) {
      const mapped = words.size ? multiValues(f, cell, choices) : fromColumn;
      if (mapped.unknown.length) refuse(column, mapped.unknown.join(' '));
      return mapped;
    }
    if (!fromSplit) return { codes: [] };
    const codes = [...fromSplit.codes];
    const refused: ChoiceColumn[] = [];
    for (const c of fromSplit.unknownColumns) {
      const pick = chosen(choices, f, c.choice);
      if (pick) codes.push(...pick);
      else refused.push(c);
    }
    if (refused.length)
      refuse(
        refused.map((c) => header[c.index]!).join(', '),
        refused.map((c) => c.choice).join(', '),
      );
    // In the form's order, whatever the order of the columns.
    const order: readonly string[] = ALLOWED[f];
    return { codes: [...new Set(codes)].sort((a, b) => order.indexOf(a) - order.indexOf(b)) };
  };

  for (const r of rows) {
    const get = (c: number) => (c >= 0 ? (r.cells[c] ?? '').trim() : '');
    const at = (f: SurveyField) => (cols[f] >= 0 ? header[cols[f]]! : SURVEY_COLUMNS[f]);
    if (r.cells.every((c) => !c.trim())) continue;
    const rowIssues: Issue[] = [];
    const refuse = (f: SurveyField, value: string, allowed: readonly string[]) =>
      rowIssues.push({
        row: r.row,
        column: at(f),
        code: 'exchange.issue.notAllowed',
        severity: 'error',
        value,
        field: `survey.${f}`,
        allowed: [...allowed],
      });
    const one = (f: 'traffickingStatus' | 'gender') => {
      const v = get(cols[f]);
      if (!v) return undefined;
      const code = surveyValue(f, v);
      if (code) return code;
      notNamed(f, v);
      const pick = chosen(choices, f, v)?.[0];
      if (!pick) refuse(f, v, ALLOWED[f]);
      return pick;
    };
    const traffickingStatus = one('traffickingStatus') as
      CaseDetails['traffickingStatus'] | undefined;
    const gender = one('gender') as CaseDetails['gender'] | undefined;
    const exp = exploitationOf(r, get(cols.exploitationTypes), rowIssues, at('exploitationTypes'));
    // Codes (ISO 3166, ISO 639) have no space: a space separates codes, never a code's words.
    const citizenship = get(cols.citizenship)
      .split(/[\s;,]+/)
      .filter(Boolean)
      .map((c) => c.toUpperCase());
    const badCountry = citizenship.filter((c) => !isCountryCode(c));
    if (badCountry.length)
      rowIssues.push({
        row: r.row,
        column: at('citizenship'),
        code: 'importSurvey.issue.country',
        severity: 'error',
        // No code at all: a name ("Burkina Faso"), shown as written, not word by word.
        value:
          badCountry.length === citizenship.length ? get(cols.citizenship) : badCountry.join(' '),
        field: 'survey.citizenship',
      });
    const langs = get(cols.languages)
      .split(/[\s;,]+/)
      .filter(Boolean);
    const languages = langs.map((l) => languageCode(l)).filter((l): l is string => !!l);
    if (languages.length < langs.length)
      rowIssues.push({
        row: r.row,
        column: at('languages'),
        code: 'exchange.issue.notAllowedLanguage',
        severity: 'error',
        value: get(cols.languages),
        field: 'survey.languages',
      });
    const submitted = isoDateOf(get(timeCol)) || ctx.now.slice(0, 10);
    const birth = get(cols.birthdate);
    const ageBand = birth ? ageBandOf(isoDateOf(birth), submitted) : 'unknown';
    if (birth && ageBand === 'unknown')
      rowIssues.push({
        row: r.row,
        column: at('birthdate'),
        code: 'importSurvey.issue.birthdate',
        severity: 'warning',
        field: 'survey.birthdate',
      });
    const consent = get(cols.consent);
    if (consent && /^(true|yes|oui|sim|1|نعم)$/i.test(consent))
      rowIssues.push({
        row: r.row,
        column: at('consent'),
        code: 'importSurvey.issue.consent',
        severity: 'warning',
        value: consent,
        field: 'survey.consent',
      });
    const uuid = get(uuidCol).replace(/^uuid:/, '');
    if (!uuid)
      rowIssues.push({
        row: r.row,
        column: uuidCol >= 0 ? header[uuidCol]! : '_uuid',
        code: 'importSurvey.issue.noUuid',
        severity: 'warning',
        field: 'survey.uuid',
      });
    const id = uuid ? stableId('survey', ctx.office, uuid) : ctx.newId();
    const earlier = seen.get(id);
    if (earlier !== undefined)
      rowIssues.push({
        row: r.row,
        column: header[uuidCol] ?? '_uuid',
        code: 'importSurvey.issue.sameSubmission',
        severity: 'error',
        value: uuid,
        fix: String(earlier),
      });
    issues.push(...rowIssues);
    if (rowIssues.some((i) => i.severity === 'error')) {
      rejected.add(r.row);
      continue;
    }
    seen.set(id, r.row);
    cases.push({
      row: r.row,
      id,
      caseDetails: {
        traffickingStatus: traffickingStatus ?? 'PossibleVictimOfTrafficking',
        exploitationTypes: exp.codes as CaseDetails['exploitationTypes'],
        gender: gender ?? 'NonSpecifiedUnknown',
        ageBand,
        citizenship: [...new Set(citizenship)].slice(0, 5),
        languages: [...new Set(languages)].slice(0, 10),
        reason: 'AdditionalServicesRequired',
        reasonDetails: '',
        // The referring organisation's reason and details, for the coordinator only.
        notes: [get(cols.reason), get(cols.details)].filter(Boolean).join('\n').slice(0, 4000),
      },
    });
  }
  return {
    rowsRead: rows.length,
    cases,
    issues,
    rejectedRows: [...rejected].sort((a, b) => a - b),
    personal,
    ignored,
    unmatched: [...unmatched.values()].sort((a, b) => b.rows - a.rows),
    signature: headerSignature(header),
  };
};
