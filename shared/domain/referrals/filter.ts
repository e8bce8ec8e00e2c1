/**
 * The referral register's filters and order. Region is the receiving service's region; dates
 * are the creation date, inclusive, in the office's calendar (ISO dates compare as text).
 */
import type { ActionStatus } from './rules';
import { actionStatus, needsAction } from './rules';
import type { ReferralSummary } from './caseData';
import type { ReferralState, Urgency } from './schema';
import { URGENCY_HOURS } from './schema';

export type ReferralFilters = {
  view: 'all' | 'action';
  state: ReferralState | '';
  urgency: Urgency | '';
  serviceId: string;
  /** ISO 3166-2 code of the receiving service's region, or ''. */
  region: string;
  from: string;
  to: string;
};

export const EMPTY_REFERRAL_FILTERS: ReferralFilters = {
  view: 'all',
  state: '',
  urgency: '',
  serviceId: '',
  region: '',
  from: '',
  to: '',
};

export type RegisterRow = { referral: ReferralSummary; status: ActionStatus };

/** Local calendar date of an ISO timestamp, in the given time zone offset (minutes). */
const localDate = (iso: string, offsetMinutes: number): string =>
  new Date(Date.parse(iso) - offsetMinutes * 60_000).toISOString().slice(0, 10);

export const filterReferrals = (
  referrals: readonly ReferralSummary[],
  f: ReferralFilters,
  ctx: { now: string; regionOf: (serviceId: string) => string | undefined; tzOffset?: number },
): RegisterRow[] => {
  const rows: RegisterRow[] = [];
  for (const r of referrals) {
    if (r.deletedAt !== null) continue;
    if (f.state && r.state !== f.state) continue;
    if (f.urgency && r.urgency !== f.urgency) continue;
    if (f.serviceId && r.serviceId !== f.serviceId) continue;
    if (f.region && ctx.regionOf(r.serviceId) !== f.region) continue;
    const day = localDate(r.createdAt, ctx.tzOffset ?? 0);
    if (f.from && day < f.from) continue;
    if (f.to && day > f.to) continue;
    const status = actionStatus(r, ctx.now);
    if (f.view === 'action' && !needsAction(status)) continue;
    rows.push({ referral: r, status });
  }
  return rows.sort(f.view === 'action' ? byUrgency : newestFirst);
};

const STATUS_RANK: Record<Exclude<ActionStatus, null> | 'none', number> = {
  overdue: 0,
  draftWaiting: 1,
  dueSoon: 2,
  none: 3,
};

const newestFirst = (a: RegisterRow, b: RegisterRow): number =>
  b.referral.createdAt.localeCompare(a.referral.createdAt);

/** "Needs action": most pressing first (overdue, waiting drafts), then shortest delay. */
const byUrgency = (a: RegisterRow, b: RegisterRow): number =>
  STATUS_RANK[a.status ?? 'none'] - STATUS_RANK[b.status ?? 'none'] ||
  URGENCY_HOURS[a.referral.urgency] - URGENCY_HOURS[b.referral.urgency] ||
  newestFirst(a, b);

export const hasActiveReferralFilters = (f: ReferralFilters): boolean =>
  Boolean(f.state || f.urgency || f.serviceId || f.region || f.from || f.to);
