/**
 * Who may do what: the ONE place where access is decided (issue 7). Screens hide what `can`
 * refuses, routes are guarded with it, and repositories check it again before they write, so a
 * hidden button is never the only barrier.
 *
 * Need-to-know shapes the table: the administrator runs the installation (users, settings,
 * audit, backups) but reads no case file; coordinators and ministry staff work the referrals;
 * a shelter manager sees only the shelters assigned to them and the referrals addressed there.
 */
import type { Role } from './roles';

export const ACTIONS = [
  'directory.view',
  'directory.edit',
  'capacity.view',
  'capacity.edit',
  'referral.view',
  'referral.create',
  'referral.transition',
  'referral.answer',
  'letter.generate',
  'users.manage',
  'settings.manage',
  'audit.view',
  'audit.export',
  'exchange.import',
  'exchange.export',
  'backup',
  'location.viewRestricted',
  // Issue 16: the screening flow (ending in a referral of its own), and the office's form.
  'screening.use',
  'screening.configure',
  // Aggregates only (issue 14): viewing them is not a view of case data; exporting is audited.
  'statistics.view',
  'statistics.export',
  // Issue 13: sync settings and partner trust are the administrator's; status and conflicts are
  // shared with coordinators. Restore is its own action (administrator only, password again).
  'sync.settings',
  'sync.trust',
  'sync.status',
  'sync.conflicts',
  'backup.restore',
] as const;
export type Action = (typeof ACTIONS)[number];

/** The part of a logged-in user that decisions depend on. */
export type Subject = {
  readonly role: Role;
  /** Shelter services (directory service ids) assigned to a shelter manager. */
  readonly shelterServiceIds: readonly string[];
  /** The account's id, for 'own' grants (a frontline worker's own referrals). */
  readonly id?: string;
};

/**
 * What an action is about, where it matters: the shelter service whose capacity is edited, the
 * service a referral is addressed to, the services a restricted location belongs to.
 */
export type Resource = {
  readonly serviceIds: readonly string[];
  /** The account that created the referral on this installation, where it is known. */
  readonly createdBy?: string;
};

/**
 * Allowed for the whole role, only for resources among the user's assigned shelters, or only
 * for referrals the user created (from their own screening).
 */
type Grant = 'all' | 'assigned' | 'own';

const GRANTS: Record<Role, Partial<Record<Action, Grant>>> = {
  administrator: {
    'directory.view': 'all',
    'directory.edit': 'all',
    'capacity.view': 'all',
    'users.manage': 'all',
    'settings.manage': 'all',
    'audit.view': 'all',
    'audit.export': 'all',
    'exchange.import': 'all',
    'exchange.export': 'all',
    backup: 'all',
    'location.viewRestricted': 'all',
    'screening.configure': 'all',
    'statistics.view': 'all',
    'statistics.export': 'all',
    'sync.settings': 'all',
    'sync.trust': 'all',
    'sync.status': 'all',
    'sync.conflicts': 'all',
    'backup.restore': 'all',
  },
  coordinator: {
    'directory.view': 'all',
    'directory.edit': 'all',
    'capacity.view': 'all',
    'capacity.edit': 'all',
    'referral.view': 'all',
    'referral.create': 'all',
    'referral.transition': 'all',
    'referral.answer': 'all',
    'letter.generate': 'all',
    'exchange.import': 'all',
    'exchange.export': 'all',
    'location.viewRestricted': 'all',
    'screening.use': 'all',
    'statistics.view': 'all',
    'statistics.export': 'all',
    'sync.status': 'all',
    'sync.conflicts': 'all',
  },
  shelter_manager: {
    'directory.view': 'all',
    'capacity.view': 'all',
    'capacity.edit': 'assigned',
    'referral.view': 'assigned',
    // Answers for their shelter (accept, decline, complete); sending, withdrawing and consent
    // belong to the referring side.
    'referral.answer': 'assigned',
    'location.viewRestricted': 'assigned',
  },
  ministry_staff: {
    'directory.view': 'all',
    'capacity.view': 'all',
    'referral.view': 'all',
    'referral.create': 'all',
    'referral.transition': 'all',
    'referral.answer': 'all',
    'letter.generate': 'all',
    'location.viewRestricted': 'all',
    'statistics.view': 'all',
    'statistics.export': 'all',
  },
  viewer: {
    'directory.view': 'all',
  },
  // Screens and refers, works the referral it created (consent, send, letter), and no other:
  // no register, no other case. Shelters' addresses stay hidden (region centres on the map).
  frontline: {
    'directory.view': 'all',
    'capacity.view': 'all',
    'screening.use': 'all',
    'referral.transition': 'own',
    'letter.generate': 'own',
  },
};

/**
 * May `subject` do `action` (on `resource`)? Without a resource, an 'assigned' grant answers
 * whether the role may do it at all (to show a menu entry); with one, every service it names
 * must be assigned. No subject (nobody logged in) may do nothing.
 */
export const can = (
  subject: Subject | null | undefined,
  action: Action,
  resource?: Resource,
): boolean => {
  if (!subject) return false;
  const grant = GRANTS[subject.role][action];
  if (grant === undefined) return false;
  if (grant === 'all' || resource === undefined) return true;
  if (grant === 'own') return Boolean(subject.id) && resource.createdBy === subject.id;
  return (
    resource.serviceIds.length > 0 &&
    resource.serviceIds.every((id) => subject.shelterServiceIds.includes(id))
  );
};

/** Whether the role may do that action only on referrals it created. */
export const isOwnOnly = (subject: Subject | null | undefined, action: Action): boolean =>
  subject ? GRANTS[subject.role][action] === 'own' : false;

/** Whether the role is limited to its assigned shelters for that action. */
export const isScoped = (subject: Subject | null | undefined, action: Action): boolean =>
  subject ? GRANTS[subject.role][action] === 'assigned' : false;
