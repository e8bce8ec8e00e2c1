/**
 * Local user accounts (issue 7): the first administrator at setup, then accounts created,
 * changed, disabled and reset by administrators, and each user's own password change. Every
 * write checks `can(…, 'users.manage')` itself (the screen hiding a button is not the barrier)
 * and is audited in its transaction. Accounts are local to this PC: never in the sync outbox.
 */
import { can, type Subject } from '@shared/domain/accounts/permissions';
import {
  hashPassword,
  passwordErrors,
  SALT_BYTES,
  verifyPassword,
} from '@shared/domain/accounts/password';
import {
  summarize,
  userInputSchema,
  type User,
  type UserInput,
  type UserSummary,
} from '@shared/domain/accounts/schema';
import { officeProfileSchema, type OfficeProfile } from '@shared/domain/settings/schema';
import { fieldErrors, type FieldErrors, type Result } from '@shared/domain/validation';
import { makeKeySlot, openKeySlot, randomBytes } from '../encryption';
import type { PasserelleDb } from '../db';
import { journal, type Actor } from '../journal';
import type { KeyStore } from '../keys';
import { createSettingsRepository } from './settings';

/** Version 5 (db.ts): accounts, sessions, and audit indexes for the audit screen's filters. */
export const ACCOUNTS_STORES_V5 = {
  users: 'id, &username',
  sessions: 'id, userId',
  audit: '++seq, at, recordId, actor, action, table',
} as const;

export const usersTable = (db: PasserelleDb) => db.table<User, string>('users');

export const actorOf = (user: UserSummary): Actor => ({
  office: user.office,
  user: user.displayName,
  userId: user.id,
  username: user.username,
});

const fail = <T>(errors: FieldErrors): Result<T> => ({ ok: false, errors });
const NOT_ALLOWED: FieldErrors = { _: 'accounts.error.notAllowed' };

export type AccountsDeps = {
  actor: () => Actor;
  /** The logged-in user, for permission checks. */
  subject: () => (Subject & { id: string }) | null;
  now?: () => Date;
};

export type SetupInput = { office: unknown; username: string; password: string; confirm: string };

export const createAccountsRepository = (db: PasserelleDb, deps: AccountsDeps) => {
  const users = usersTable(db);
  const now = () => (deps.now?.() ?? new Date()).toISOString();
  const tables = [users, db.audit];
  const audit = (actor: Actor, recordId: string, action: string, detail?: string) =>
    journal(db, actor, [{ table: 'users', recordId, op: 'put', action, detail }], {
      replicate: false,
    });
  const mayManage = () => can(deps.subject(), 'users.manage');
  const secrets = async (password: string, dataKey: CryptoKey) => ({
    passwordHash: await hashPassword(password, randomBytes(SALT_BYTES)),
    keySlot: await makeKeySlot(dataKey, password),
  });

  const newUser = (
    office: string,
    input: Pick<User, 'username' | 'displayName' | 'role' | 'shelterServiceIds'>,
    extra: Pick<User, 'passwordHash' | 'keySlot' | 'mustChangePassword'>,
  ): User => {
    const at = now();
    return {
      id: crypto.randomUUID(),
      office,
      ...input,
      ...extra,
      disabled: false,
      failedLogins: 0,
      lockedUntil: null,
      lastLoginAt: null,
      createdAt: at,
      updatedAt: at,
    };
  };

  const usernameTaken = async (username: string, exceptId?: string) => {
    const found = await users.where('username').equals(username).first();
    return found !== undefined && found.id !== exceptId;
  };

  /** Other enabled administrators: the last one may not be disabled or demoted. */
  const otherAdmins = (id: string) =>
    users.filter((u) => u.role === 'administrator' && !u.disabled && u.id !== id).count();

  return {
    count: () => users.count(),

    /** All accounts, for administrators; nobody else lists them. */
    async list(): Promise<UserSummary[]> {
      if (!mayManage()) return [];
      return (await users.orderBy('username').toArray()).map(summarize);
    },

    async get(id: string): Promise<UserSummary | undefined> {
      const self = deps.subject()?.id === id;
      if (!self && !mayManage()) return undefined;
      const user = await users.get(id);
      return user && summarize(user);
    },

    /**
     * First run (or the first run after an upgrade from before accounts): the office and the
     * first administrator, whose display name is the office profile's user name. A new data key
     * is made for the installation.
     */
    async setup(
      input: SetupInput,
      keys: KeyStore,
    ): Promise<Result<{ user: UserSummary; dataKey: CryptoKey; office: OfficeProfile }>> {
      if ((await users.count()) > 0) return fail({ _: 'accounts.error.alreadySetUp' });
      const office = officeProfileSchema.safeParse(input.office);
      const account = userInputSchema.safeParse({
        username: input.username,
        displayName: office.data?.userName ?? 'xx',
        role: 'administrator',
      });
      const errors: FieldErrors = {
        ...(office.success ? {} : fieldErrors(office.error)),
        ...(account.success ? {} : fieldErrors(account.error)),
        ...passwordErrors(input.password, input.confirm, {
          username: account.data?.username,
          displayName: office.data?.userName,
        }),
      };
      if (!office.success || !account.success || Object.keys(errors).length > 0)
        return fail(errors);
      const dataKey = await keys.create();
      const user = newUser(office.data.officeCode, account.data, {
        ...(await secrets(input.password, dataKey)),
        mustChangePassword: false,
      });
      const actor = actorOf(summarize(user));
      await db.transaction('rw', [users, db.audit, db.settings], async () => {
        const saved = await createSettingsRepository(db, () => actor).saveOffice(office.data);
        if (!saved.ok) throw new Error('office refused after validation');
        await users.add(user);
        await audit(actor, user.id, 'user.create', 'administrator');
      });
      return { ok: true, value: { user: summarize(user), dataKey, office: office.data } };
    },

    /** `dataKey`: the administrator's unlocked key, wrapped into the new user's slot. */
    async create(
      input: UserInput,
      password: string,
      confirm: string,
      dataKey: CryptoKey,
    ): Promise<Result<UserSummary>> {
      if (!mayManage()) return fail(NOT_ALLOWED);
      const parsed = userInputSchema.safeParse(input);
      const errors: FieldErrors = {
        ...(parsed.success ? {} : fieldErrors(parsed.error)),
        ...passwordErrors(password, confirm, {
          username: parsed.data?.username,
          displayName: parsed.data?.displayName,
        }),
      };
      if (parsed.success && (await usernameTaken(parsed.data.username)))
        errors.username = 'accounts.error.usernameTaken';
      if (!parsed.success || Object.keys(errors).length > 0) return fail(errors);
      // Whoever typed the first password knows it: the owner chooses their own.
      const user = newUser(deps.actor().office, parsed.data, {
        ...(await secrets(password, dataKey)),
        mustChangePassword: true,
      });
      await db.transaction('rw', tables, async () => {
        if (await usernameTaken(user.username)) throw new Error('username taken');
        await users.add(user);
        await audit(deps.actor(), user.id, 'user.create', user.role);
      });
      return { ok: true, value: summarize(user) };
    },

    /** Display name, role and shelters; the username stays, as the audit trail names it. */
    async update(id: string, input: Omit<UserInput, 'username'>): Promise<Result<UserSummary>> {
      if (!mayManage()) return fail(NOT_ALLOWED);
      return db.transaction('rw', tables, async () => {
        const user = await users.get(id);
        if (!user) return fail<UserSummary>({ _: 'validation.notFound' });
        const parsed = userInputSchema.safeParse({ ...input, username: user.username });
        if (!parsed.success) return fail<UserSummary>(fieldErrors(parsed.error));
        if (
          user.role === 'administrator' &&
          parsed.data.role !== 'administrator' &&
          (await otherAdmins(id)) === 0
        )
          return fail<UserSummary>({ role: 'accounts.error.lastAdministrator' });
        const updated: User = { ...user, ...parsed.data, updatedAt: now() };
        await users.put(updated);
        const detail = user.role === updated.role ? undefined : `${user.role}→${updated.role}`;
        await audit(deps.actor(), id, 'user.update', detail);
        return { ok: true as const, value: summarize(updated) };
      });
    },

    async setDisabled(id: string, disabled: boolean): Promise<Result<UserSummary>> {
      if (!mayManage()) return fail(NOT_ALLOWED);
      if (disabled && deps.subject()?.id === id) return fail({ _: 'accounts.error.disableSelf' });
      return db.transaction('rw', tables, async () => {
        const user = await users.get(id);
        if (!user) return fail<UserSummary>({ _: 'validation.notFound' });
        if (disabled && user.role === 'administrator' && (await otherAdmins(id)) === 0)
          return fail<UserSummary>({ _: 'accounts.error.lastAdministrator' });
        const updated: User = { ...user, disabled, updatedAt: now() };
        await users.put(updated);
        await audit(deps.actor(), id, disabled ? 'user.disable' : 'user.enable');
        return { ok: true as const, value: summarize(updated) };
      });
    },

    /**
     * An administrator sets a temporary password (told to the user in person); the user must
     * choose a new one at the next login. Also lifts a lockout.
     */
    async resetPassword(
      id: string,
      password: string,
      confirm: string,
      dataKey: CryptoKey,
    ): Promise<Result<UserSummary>> {
      if (!mayManage()) return fail(NOT_ALLOWED);
      const user = await users.get(id);
      if (!user) return fail({ _: 'validation.notFound' });
      const errors = passwordErrors(password, confirm, user);
      if (Object.keys(errors).length > 0) return fail(errors);
      const fresh = await secrets(password, dataKey);
      const updated: User = {
        ...user,
        ...fresh,
        mustChangePassword: true,
        failedLogins: 0,
        lockedUntil: null,
        updatedAt: now(),
      };
      await db.transaction('rw', tables, async () => {
        await users.put(updated);
        await audit(deps.actor(), id, 'user.passwordReset');
      });
      return { ok: true, value: summarize(updated) };
    },

    /**
     * The user's own change: the current password proves it is them and opens their key slot,
     * which is re-wrapped with the new one. Returns the data key (now unlocked).
     */
    async changePassword(
      id: string,
      current: string,
      password: string,
      confirm: string,
    ): Promise<Result<{ user: UserSummary; dataKey: CryptoKey | null }>> {
      if (deps.subject()?.id !== id) return fail(NOT_ALLOWED);
      const user = await users.get(id);
      if (!user) return fail({ _: 'validation.notFound' });
      if (!(await verifyPassword(current, user.passwordHash)))
        return fail({ current: 'accounts.error.wrongPassword' });
      const errors = passwordErrors(password, confirm, user);
      if (password === current) errors.password = 'accounts.password.same';
      if (Object.keys(errors).length > 0) return fail(errors);
      const dataKey = user.keySlot ? await openKeySlot(user.keySlot, current) : null;
      const updated: User = {
        ...user,
        passwordHash: await hashPassword(password, randomBytes(SALT_BYTES)),
        keySlot: dataKey ? await makeKeySlot(dataKey, password) : user.keySlot,
        mustChangePassword: false,
        updatedAt: now(),
      };
      await db.transaction('rw', tables, async () => {
        await users.put(updated);
        await audit(actorOf(summarize(user)), id, 'user.passwordChange');
      });
      return { ok: true, value: { user: summarize(updated), dataKey } };
    },
  };
};

export type AccountsRepository = ReturnType<typeof createAccountsRepository>;
