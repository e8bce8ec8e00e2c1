import { describe, expect, it } from 'vitest';
import {
  ARGON2_PARAMS,
  deriveKeyBytes,
  hashPassword,
  needsRehash,
  passwordProblem,
  verifyPassword,
} from './password';
import { AFTER_SUCCESS, afterFailure, isIdle, lockMinutes, lockRemainingMs } from './lockout';

const salt = (n: number) => new Uint8Array(16).fill(n);

describe('password policy', () => {
  it.each([
    ['short', 'court1!', 'accounts.password.tooShort'],
    ['a deny-listed password', 'azertyuiop', 'accounts.password.common'],
    ['a deny-listed stem with digits and symbols', 'Motdepasse2024!', 'accounts.password.common'],
    ['one repeated character', 'aaaaaaaaaaaa', 'accounts.password.common'],
    ['the username inside', 'xx-awa.traore-2026', 'accounts.password.personal'],
    ['a part of the display name', 'Coordinatrice#77', 'accounts.password.personal'],
    ['a long passphrase', 'trois pirogues sur le Niger', null],
    ['ten accented characters', 'éàèùâêîôûç', null],
  ])('%s', (_name, password, problem) => {
    expect(
      passwordProblem(password, { username: 'awa.traore', displayName: 'Awa Coordinatrice' }),
    ).toBe(problem);
  });

  it('counts characters, not UTF-16 units, and refuses absurd lengths', () => {
    expect(passwordProblem('🔑🔑🔑🔑🔑🔑🔑🔑🔑')).toBe('accounts.password.tooShort');
    expect(passwordProblem('x'.repeat(100) + 'y'.repeat(200))).toBe('accounts.password.tooLong');
  });
});

describe('argon2id hashing', () => {
  it('encodes the OWASP parameters with the salt, and verifies only the same password', async () => {
    const hash = await hashPassword('trois pirogues sur le Niger', salt(7));
    expect(hash).toMatch(
      /^\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/,
    );
    expect(ARGON2_PARAMS.memorySize).toBeGreaterThanOrEqual(19 * 1024);
    expect(ARGON2_PARAMS.iterations).toBeGreaterThanOrEqual(2);
    expect(await verifyPassword('trois pirogues sur le Niger', hash)).toBe(true);
    expect(await verifyPassword('trois pirogues sur le niger', hash)).toBe(false);
    expect(await verifyPassword('anything', 'not a hash')).toBe(false);
    expect(await hashPassword('trois pirogues sur le Niger', salt(8))).not.toBe(hash);
  });

  it('treats composed and decomposed accents as the same password', async () => {
    const hash = await hashPassword('Ségou la belle, 2026', salt(1));
    expect(await verifyPassword('Se\u0301gou la belle, 2026', hash)).toBe(true);
  });

  it('asks for a rehash when parameters are weaker than today’s', async () => {
    expect(needsRehash(await hashPassword('trois pirogues sur le Niger', salt(2)))).toBe(false);
    expect(needsRehash('$argon2id$v=19$m=4096,t=3,p=1$c2FsdHNhbHQ$aGFzaA')).toBe(true);
    expect(needsRehash('$2b$10$abcdefghijklmnopqrstuv')).toBe(true);
  });

  it('derives 32 key bytes that depend on password and salt', async () => {
    const a = await deriveKeyBytes('trois pirogues sur le Niger', salt(3));
    expect(a).toHaveLength(32);
    expect(await deriveKeyBytes('trois pirogues sur le Niger', salt(3))).toEqual(a);
    expect(await deriveKeyBytes('trois pirogues sur le Niger', salt(4))).not.toEqual(a);
    await expect(deriveKeyBytes('x', salt(3), 'pbkdf2:1')).rejects.toThrow();
  });
});

describe('lockout', () => {
  const now = new Date('2026-11-23T10:00:00Z');
  it('locks for 1 minute at the 5th failure, doubling up to an hour', () => {
    expect([1, 4, 5, 6, 7, 10, 11, 20].map(lockMinutes)).toEqual([0, 0, 1, 2, 4, 32, 60, 60]);
    let c = AFTER_SUCCESS;
    for (let i = 0; i < 4; i++) c = afterFailure(c, now);
    expect(c).toEqual({ failedLogins: 4, lockedUntil: null });
    c = afterFailure(c, now);
    expect(c.lockedUntil).toBe('2026-11-23T10:01:00.000Z');
    expect(lockRemainingMs(c, now)).toBe(60_000);
    expect(lockRemainingMs(c, new Date('2026-11-23T10:01:00Z'))).toBe(0);
  });

  it('detects inactivity at the configured minutes', () => {
    expect(isIdle('2026-11-23T09:45:01Z', now, 15)).toBe(false);
    expect(isIdle('2026-11-23T09:45:00Z', now, 15)).toBe(true);
  });
});
