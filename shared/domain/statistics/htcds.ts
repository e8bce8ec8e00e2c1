/**
 * The HTCDS export (issue 14): one de-identified row per referral, with HTCDS 2.0's field names
 * and value names (../shared/htcds/field-standards-2.0.csv), for international data collections
 * (CTDC). Never a name, a birth date, notes or free text; the referral date to the month.
 *
 * k-anonymity over the quasi-identifiers age band × gender × nationality × region, k = the
 * suppression threshold: a row whose combination occurs fewer than k times is generalised one
 * step at a time (age band → minor/adult, then region left out, then nationality left out), and
 * withheld when even that leaves it rare. The file states the rule and what it did.
 *
 * Two columns are not HTCDS fields and say so by their `x_` prefix: the age band (HTCDS keeps an
 * exact age, which we never record) and the ISO 3166-2 region of the receiving service.
 */
import { AGE_BANDS, isMinorBand, type Referral } from '../referrals/schema';
import { clampThreshold } from './suppress';

/** HTCDS fields exported, in file order. */
export const HTCDS_FIELDS = [
  'vic_TraffickingStatus',
  'vic_TypeOfExploitation',
  'prs_Gender',
  'prs_Citizenship',
  'cas_ReferringOrganisation',
  'cas_ReferredOrganisation',
  'cas_ReasonForOutgoingReferral',
  'cas_OutgoingReferralDate',
  'cas_Status',
  'con_Consent',
] as const;
/** Our extensions, with their value sets. */
export const HTCDS_EXTENSIONS = {
  x_AgeBand: [...AGE_BANDS, 'minor', 'adult'],
  x_AdminArea1: null,
} as const;
export const HTCDS_COLUMNS = [...HTCDS_FIELDS, ...Object.keys(HTCDS_EXTENSIONS)] as string[];

/** HTCDS multiselect values are joined with ';' (as Salesforce and the XLSForm export them). */
export const MULTI_SEPARATOR = ';';

export type HtcdsRow = Record<(typeof HTCDS_COLUMNS)[number], string>;

/** What the exporter knows of the receiving service: its organisation and region. */
export type ReceivingSide = { organizationId: string; region: string };

const statusOf = (r: Referral): string =>
  r.state === 'sent' || r.state === 'accepted' ? 'Active' : 'Closed';

/** The de-identified row: nothing from `person`, `notes`, `reasonDetails`, `needsOther`. */
export const htcdsRow = (r: Referral, side: ReceivingSide | undefined): HtcdsRow => {
  const c = r.caseDetails;
  return {
    vic_TraffickingStatus: c.traffickingStatus,
    vic_TypeOfExploitation: c.exploitationTypes.join(MULTI_SEPARATOR),
    prs_Gender: c.gender,
    prs_Citizenship: [...c.citizenship].sort().join(MULTI_SEPARATOR),
    cas_ReferringOrganisation: r.referringOffice.code,
    cas_ReferredOrganisation: side?.organizationId ?? '',
    cas_ReasonForOutgoingReferral: c.reason,
    cas_OutgoingReferralDate: (r.sentAt ?? r.createdAt).slice(0, 7),
    cas_Status: statusOf(r),
    con_Consent: r.consent.given ? 'TRUE' : 'FALSE',
    x_AgeBand: c.ageBand,
    x_AdminArea1: side?.region ?? '',
  };
};

/** Generalisation steps, applied in turn to rows whose combination is rare. */
const STEPS: readonly ((row: HtcdsRow) => HtcdsRow)[] = [
  (row) => row,
  (row) => ({
    ...row,
    x_AgeBand:
      row.x_AgeBand === 'unknown' || row.x_AgeBand === 'minor' || row.x_AgeBand === 'adult'
        ? row.x_AgeBand
        : isMinorBand(row.x_AgeBand as (typeof AGE_BANDS)[number])
          ? 'minor'
          : 'adult',
  }),
  (row) => ({ ...STEPS[1]!(row), x_AdminArea1: '' }),
  (row) => ({ ...STEPS[2]!(row), x_AdminArea1: '', prs_Citizenship: '' }),
];

export const quasiIdentifier = (row: HtcdsRow): string =>
  [row.x_AgeBand, row.prs_Gender, row.prs_Citizenship, row.x_AdminArea1].join('|');

export type HtcdsExport = {
  rows: HtcdsRow[];
  k: number;
  generalised: number;
  withheld: number;
};

export const anonymise = (rows: readonly HtcdsRow[], threshold: number): HtcdsExport => {
  const k = clampThreshold(threshold);
  let pending = rows.map((row) => ({ original: row, level: 0 }));
  const out: { row: HtcdsRow; level: number }[] = [];
  for (let level = 0; level < STEPS.length && pending.length > 0; level++) {
    const step = STEPS[level]!;
    const groups = new Map<string, { row: HtcdsRow; level: number }[]>();
    for (const p of pending) {
      const row = step(p.original);
      const key = quasiIdentifier(row);
      groups.set(key, [...(groups.get(key) ?? []), { row, level }]);
    }
    const next: typeof pending = [];
    for (const [, members] of groups) {
      if (members.length >= k) out.push(...members);
      else next.push(...members.map((m) => ({ original: m.row, level })));
    }
    pending = next;
  }
  return {
    rows: out.map((o) => o.row),
    k,
    generalised: out.filter((o) => o.level > 0).length,
    withheld: pending.length,
  };
};

/** The file as a table: header of column names, then rows (values are names, never labels). */
export const htcdsTable = (e: HtcdsExport): string[][] => [
  HTCDS_COLUMNS,
  ...e.rows.map((r) => HTCDS_COLUMNS.map((c) => r[c] ?? '')),
];
