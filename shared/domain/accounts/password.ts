/**
 * Passwords: a length and deny-list policy, and argon2id (memory-hard, OWASP's first choice)
 * through hash-wasm, a kept WASM library that runs the same in Chromium, Electron and Node.
 * Salts come from the caller (shared/ has no random source of its own).
 */
import { withValues } from '../validation';

/**
 * hash-wasm (its WebAssembly inlined, ~40 kB) is loaded on the first hash, not with the window:
 * a morning's start restores the session and shows the directory without hashing anything
 * (issue 15, cold start). Fetched once; a failed fetch throws, it is never a wrong password.
 */
const hashWasm = () => import('./hashWasm');

/** OWASP Password Storage Cheat Sheet minimum for argon2id: 19 MiB, 2 passes, 1 lane. */
export const ARGON2_PARAMS = { memorySize: 19_456, iterations: 2, parallelism: 1 } as const;
export const SALT_BYTES = 16;
export const MIN_PASSWORD_LENGTH = 10;
/** Far above any real password; bounds the work an attacker can make us do. */
export const MAX_PASSWORD_LENGTH = 256;

/**
 * The passwords people choose first when told "at least 10 characters", in the languages of the
 * offices using Passerelle. Compared lower-case, and with trailing digits and symbols removed,
 * so "Motdepasse2024!" is refused too.
 */
const DENY_LIST = new Set([
  '1234567890',
  '0123456789',
  '0987654321',
  '1111111111',
  '0000000000',
  'qwertyuiop',
  'azertyuiop',
  'qwerty',
  'azerty',
  'password',
  'passw0rd',
  'motdepasse',
  'passerelle',
  'bienvenue',
  'welcome',
  'changeme',
  'letmein',
  'iloveyou',
  'jetaime',
  'administrator',
  'administrateur',
  'admin',
  'soleil',
  'bamako',
  'maputo',
  'mocambique',
  'pakistan',
  'bahrain',
  'riyadh',
  'senha',
  'palavrapasse',
  'abcdefghij',
]);

const normalize = (password: string): string => password.normalize('NFC');

export type PasswordProblem =
  | 'accounts.password.tooShort'
  | 'accounts.password.tooLong'
  | 'accounts.password.common'
  | 'accounts.password.personal';

/** Why the password is refused, as a message id, or null when it is acceptable. */
export const passwordProblem = (
  password: string,
  personal: { username?: string; displayName?: string } = {},
): PasswordProblem | null => {
  const p = normalize(password);
  if ([...p].length < MIN_PASSWORD_LENGTH) return 'accounts.password.tooShort';
  if (p.length > MAX_PASSWORD_LENGTH) return 'accounts.password.tooLong';
  const lower = p.toLowerCase();
  const stem = lower.replace(/[\d\W_]+$/u, '');
  if (DENY_LIST.has(lower) || DENY_LIST.has(stem) || new Set(lower).size <= 2)
    return 'accounts.password.common';
  const own = [personal.username, ...(personal.displayName ?? '').split(/\s+/)]
    .map((s) => (s ?? '').toLowerCase())
    .filter((s) => s.length >= 4);
  if (own.some((s) => lower.includes(s))) return 'accounts.password.personal';
  return null;
};

/** Field errors of a new password and its confirmation (empty when both are right). */
export const passwordErrors = (
  password: string,
  confirm: string,
  personal: { username?: string; displayName?: string },
): Record<string, string> => {
  const problem = passwordProblem(password, personal);
  // A length problem names the limit ("at least 10 characters"), from the rule itself.
  if (problem === 'accounts.password.tooShort')
    return { password: withValues('limits.passwordTooShort', { min: MIN_PASSWORD_LENGTH }) };
  if (problem === 'accounts.password.tooLong')
    return { password: withValues('limits.passwordTooLong', { max: MAX_PASSWORD_LENGTH }) };
  if (problem) return { password: problem };
  return password === confirm ? {} : { confirm: 'accounts.password.mismatch' };
};

export const hashPassword = async (password: string, salt: Uint8Array): Promise<string> =>
  (await hashWasm()).argon2id({
    password: normalize(password),
    salt,
    ...ARGON2_PARAMS,
    hashLength: 32,
    outputType: 'encoded',
  });

/** Never throws: a malformed stored hash verifies as false. */
export const verifyPassword = async (password: string, encoded: string): Promise<boolean> => {
  const { argon2Verify } = await hashWasm();
  try {
    return await argon2Verify({ password: normalize(password), hash: encoded });
  } catch {
    return false;
  }
};

/** A hash made with weaker parameters than today's is replaced at the next good login. */
export const needsRehash = (encoded: string): boolean => {
  const m = /^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$/.exec(encoded);
  if (!m) return true;
  return Number(m[1]) < ARGON2_PARAMS.memorySize || Number(m[2]) < ARGON2_PARAMS.iterations;
};

/** KDF label stored in a key slot, so a slot made with other parameters can still be opened. */
export const KDF_LABEL = `argon2id:m=${ARGON2_PARAMS.memorySize},t=${ARGON2_PARAMS.iterations},p=${ARGON2_PARAMS.parallelism}`;

/** 32 bytes from a password and a salt (the salt differs from the password hash's). */
export const deriveKeyBytes = async (
  password: string,
  salt: Uint8Array,
  kdf: string = KDF_LABEL,
): Promise<Uint8Array> => {
  const m = /^argon2id:m=(\d+),t=(\d+),p=(\d+)$/.exec(kdf);
  if (!m) throw new Error('unknown key derivation');
  return (await hashWasm()).argon2id({
    password: normalize(password),
    salt,
    memorySize: Number(m[1]),
    iterations: Number(m[2]),
    parallelism: Number(m[3]),
    hashLength: 32,
    outputType: 'binary',
  });
};
