import { describe, expect, it } from 'vitest';
import { ACTIONS, can, isOwnOnly, isScoped, type Action, type Subject } from './permissions';
import { ROLES, type Role } from './roles';

const MINE = '11111111-1111-4111-8111-111111111111';
const OTHER = '22222222-2222-4222-8222-222222222222';
const ME = 'account-me';
const subject = (role: Role): Subject => ({
  role,
  shelterServiceIds: role === 'shelter_manager' ? [MINE] : [],
  id: ME,
});

/**
 * The role × action matrix of issues 7 and 16, read as a table. `own`: allowed only for the
 * shelters assigned to the user (checked below with a resource), so a menu shows the entry.
 * `mine`: allowed only on referrals the user created (a frontline worker's own).
 */
type Cell = 'yes' | 'no' | 'own' | 'mine';
//                                   admin  coord  shelter ministry viewer frontline
const MATRIX: Record<Action, [Cell, Cell, Cell, Cell, Cell, Cell]> = {
  'directory.view': /*          */ ['yes', 'yes', 'yes', 'yes', 'yes', 'yes'],
  'directory.edit': /*          */ ['yes', 'yes', 'no', 'no', 'no', 'no'],
  'capacity.view': /*           */ ['yes', 'yes', 'yes', 'yes', 'no', 'yes'],
  'capacity.edit': /*           */ ['no', 'yes', 'own', 'no', 'no', 'no'],
  'referral.view': /*           */ ['no', 'yes', 'own', 'yes', 'no', 'no'],
  'referral.create': /*         */ ['no', 'yes', 'no', 'yes', 'no', 'no'],
  'referral.transition': /*     */ ['no', 'yes', 'no', 'yes', 'no', 'mine'],
  'referral.answer': /*         */ ['no', 'yes', 'own', 'yes', 'no', 'no'],
  'letter.generate': /*         */ ['no', 'yes', 'no', 'yes', 'no', 'mine'],
  'users.manage': /*            */ ['yes', 'no', 'no', 'no', 'no', 'no'],
  'settings.manage': /*         */ ['yes', 'no', 'no', 'no', 'no', 'no'],
  'audit.view': /*              */ ['yes', 'no', 'no', 'no', 'no', 'no'],
  'audit.export': /*            */ ['yes', 'no', 'no', 'no', 'no', 'no'],
  'exchange.import': /*         */ ['yes', 'yes', 'no', 'no', 'no', 'no'],
  'exchange.export': /*         */ ['yes', 'yes', 'no', 'no', 'no', 'no'],
  backup: /*                    */ ['yes', 'no', 'no', 'no', 'no', 'no'],
  'location.viewRestricted': /* */ ['yes', 'yes', 'own', 'yes', 'no', 'no'],
  'screening.use': /*           */ ['no', 'yes', 'no', 'no', 'no', 'yes'],
  'screening.configure': /*     */ ['yes', 'no', 'no', 'no', 'no', 'no'],
  'statistics.view': /*         */ ['yes', 'yes', 'no', 'yes', 'no', 'no'],
  'statistics.export': /*       */ ['yes', 'yes', 'no', 'yes', 'no', 'no'],
  'sync.settings': /*           */ ['yes', 'no', 'no', 'no', 'no', 'no'],
  'sync.trust': /*              */ ['yes', 'no', 'no', 'no', 'no', 'no'],
  'sync.status': /*             */ ['yes', 'yes', 'no', 'no', 'no', 'no'],
  'sync.conflicts': /*          */ ['yes', 'yes', 'no', 'no', 'no', 'no'],
  'backup.restore': /*          */ ['yes', 'no', 'no', 'no', 'no', 'no'],
};

const cases = ACTIONS.flatMap((action) =>
  ROLES.map((role, i) => ({ role, action, cell: MATRIX[action][i]! })),
);

describe('can: role × action matrix', () => {
  it('covers every action and every role', () => {
    expect(Object.keys(MATRIX).sort()).toEqual([...ACTIONS].sort());
    expect(cases).toHaveLength(ACTIONS.length * ROLES.length);
  });

  it.each(cases)('$role · $action → $cell', ({ role, action, cell }) => {
    const s = subject(role);
    expect(can(s, action)).toBe(cell !== 'no');
    expect(isScoped(s, action)).toBe(cell === 'own');
    // With a resource: own shelter allowed where the role may act at all, another only for 'yes'.
    expect(can(s, action, { serviceIds: [MINE] })).toBe(cell === 'yes' || cell === 'own');
    expect(can(s, action, { serviceIds: [OTHER] })).toBe(cell === 'yes');
    // On a referral the user created; a shelter's assignment does not count as creating one.
    expect(isOwnOnly(s, action)).toBe(cell === 'mine');
    expect(can(s, action, { serviceIds: [OTHER], createdBy: ME })).toBe(
      cell === 'yes' || cell === 'mine',
    );
    expect(can(s, action, { serviceIds: [MINE], createdBy: 'someone-else' })).toBe(
      cell === 'yes' || cell === 'own',
    );
  });
});

describe('can: edges', () => {
  it('refuses everything to nobody', () => {
    for (const action of ACTIONS) {
      expect(can(null, action)).toBe(false);
      expect(can(undefined, action, { serviceIds: [MINE] })).toBe(false);
    }
  });

  it('scopes a shelter manager to every service named, and to none when none is named', () => {
    const manager = { role: 'shelter_manager' as const, shelterServiceIds: [MINE] };
    expect(can(manager, 'capacity.edit', { serviceIds: [MINE, OTHER] })).toBe(false);
    expect(can(manager, 'capacity.edit', { serviceIds: [] })).toBe(false);
    const two = { ...manager, shelterServiceIds: [MINE, OTHER] };
    expect(can(two, 'referral.view', { serviceIds: [MINE, OTHER] })).toBe(true);
  });

  it('gives a frontline worker without an account id no referral at all, nor an empty one', () => {
    const anonymous = { role: 'frontline' as const, shelterServiceIds: [] };
    expect(can(anonymous, 'letter.generate', { serviceIds: [MINE], createdBy: undefined })).toBe(
      false,
    );
    expect(
      can({ ...anonymous, id: '' }, 'letter.generate', { serviceIds: [], createdBy: '' }),
    ).toBe(false);
  });
});
