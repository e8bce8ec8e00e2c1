/**
 * Login throttling: after 5 failed attempts an account waits 1 minute, then each further
 * failure doubles the wait, up to an hour. Enough to stop guessing at a shared PC, short enough
 * that a coordinator who mistyped is not kept out of an urgent referral for long.
 */
export const LOCKOUT_THRESHOLD = 5;
const MINUTE = 60_000;
const MAX_LOCK_MINUTES = 60;

export type LoginCounters = { failedLogins: number; lockedUntil: string | null };

export const lockMinutes = (failures: number): number =>
  failures < LOCKOUT_THRESHOLD
    ? 0
    : Math.min(MAX_LOCK_MINUTES, 2 ** (failures - LOCKOUT_THRESHOLD));

/** Milliseconds left before the account may try again (0 when it may). */
export const lockRemainingMs = (counters: LoginCounters, now: Date): number =>
  counters.lockedUntil === null ? 0 : Math.max(0, Date.parse(counters.lockedUntil) - now.getTime());

export const afterFailure = (counters: LoginCounters, now: Date): LoginCounters => {
  const failedLogins = counters.failedLogins + 1;
  const minutes = lockMinutes(failedLogins);
  return {
    failedLogins,
    lockedUntil: minutes > 0 ? new Date(now.getTime() + minutes * MINUTE).toISOString() : null,
  };
};

export const AFTER_SUCCESS: LoginCounters = { failedLogins: 0, lockedUntil: null };

/** Inactivity lock (a preference, default 15 minutes). */
export const isIdle = (lastActiveAt: string, now: Date, lockAfterMinutes: number): boolean =>
  now.getTime() - Date.parse(lastActiveAt) >= lockAfterMinutes * MINUTE;
