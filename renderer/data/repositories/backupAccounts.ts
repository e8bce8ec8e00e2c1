/**
 * Accounts coming back from a backup (issue 13, hole 4). A backup is a file anyone with its
 * passphrase can decrypt, edit and re-encrypt: a coordinator with a grudge makes themself
 * administrator in it, or gives the administrator's account a password they know, and asks the
 * administrator to "restore Tuesday's backup". So restored accounts never bring more power or
 * other credentials than the live database grants:
 * - an account that exists here (same id, or same username) may not gain a right it does not
 *   have now (role, assigned shelters, being enabled): the file is refused, naming the account;
 * - an account here keeps its live password (and key slot, when the data key is the same), so
 *   an edited password hash in the file opens nothing;
 * - an administrator account that does not exist here comes back disabled: only an
 *   administrator, in the users screen, can enable it (audited there);
 * - when the backup's data key is another one (a restore onto a new PC), the restoring
 *   administrator's own account in the backup must open with the password they typed, and their
 *   key slot is made again from it.
 */
import { ACTIONS, can } from '@shared/domain/accounts/permissions';
import type { User } from '@shared/domain/accounts/schema';
import { ExchangeError } from '@shared/domain/exchange/limits';
import { makeKeySlot, openKeySlot } from '../encryption';

/** Some right `next` has that `now` has not: a raise. */
const raises = (now: User, next: User): 'role' | 'shelterServiceIds' | 'disabled' | null => {
  if (now.disabled && !next.disabled) return 'disabled';
  const a = { role: now.role, shelterServiceIds: now.shelterServiceIds };
  const b = { role: next.role, shelterServiceIds: next.shelterServiceIds };
  if (ACTIONS.some((x) => can(b, x) && !can(a, x))) return 'role';
  // Same actions, but more of the shelters they are scoped to.
  if (next.shelterServiceIds.some((id) => !now.shelterServiceIds.includes(id)))
    return 'shelterServiceIds';
  return null;
};

export type KeyRelation =
  /** The backup has no data key (made before accounts): nothing to re-wrap. */
  | { kind: 'none' }
  /** The live data key opens the backup's check value. */
  | { kind: 'same' }
  /** Another key: `password` must open the restorer's slot in the backup. */
  | { kind: 'foreign'; password: string };

export type RestoredAccounts = { users: User[]; disabledAdmins: string[] };

export const restoreAccounts = async (
  live: readonly User[],
  incoming: readonly User[],
  restorer: User,
  keys: KeyRelation,
): Promise<RestoredAccounts> => {
  const byId = new Map(live.map((u) => [u.id, u]));
  const byName = new Map(live.map((u) => [u.username, u]));
  const disabledAdmins: string[] = [];
  const out: User[] = [];
  let backupKey: CryptoKey | null = null;
  if (keys.kind === 'foreign') {
    const own = incoming.find((u) => u.username === restorer.username);
    backupKey = own?.keySlot ? await openKeySlot(own.keySlot, keys.password) : null;
    if (!backupKey) throw new ExchangeError('backupForeignKey', { username: restorer.username });
  }
  for (const next of incoming) {
    const now = byId.get(next.id) ?? byName.get(next.username);
    if (!now) {
      if (next.role === 'administrator' && !next.disabled) {
        disabledAdmins.push(next.username);
        out.push({ ...next, disabled: true });
      } else out.push(next);
      continue;
    }
    const field = raises(now, next);
    if (field) throw new ExchangeError('backupRow', { table: 'users', row: next.username, field });
    const isRestorer = now.id === restorer.id;
    const keySlot =
      keys.kind === 'foreign'
        ? isRestorer
          ? await makeKeySlot(backupKey!, keys.password)
          : null
        : now.keySlot;
    out.push({
      ...next,
      passwordHash: now.passwordHash,
      keySlot,
      // Without a slot for the restored key, the next login must choose a password again
      // (an administrator's reset gives them a new slot).
      mustChangePassword:
        keySlot === null && keys.kind === 'foreign' ? true : now.mustChangePassword,
    });
  }
  // The one restoring stays able to log in and administer, whatever the file says of them.
  if (!out.some((u) => u.id === restorer.id || u.username === restorer.username))
    out.push({
      ...restorer,
      keySlot:
        keys.kind === 'foreign' ? await makeKeySlot(backupKey!, keys.password) : restorer.keySlot,
    });
  return { users: out, disabledAdmins };
};
