/**
 * The CouchDB server's address and password (issue 13, holes 8 and 9).
 *
 * The password was stored in clear in IndexedDB, where anyone with the PC's disk (or any role
 * with DevTools in a browser) read it. Now it lives in the OS keychain through main where there
 * is one (safeStorage), and otherwise sealed with the installation's data key (AES-GCM, bound to
 * its place by additional data). The `server` row of syncMeta keeps only the address, the user
 * name, whether the link is on, and where the password is.
 *
 * Saving also tells main which server origin the window's CSP may connect to (exactly that one);
 * `reload` says the window must load again for a new origin to apply.
 *
 * Only administrators change the server (`sync.settings`), checked here.
 */
import { z } from 'zod';
import { can, type Subject } from '@shared/domain/accounts/permissions';
import { sealedSchema } from '@shared/domain/accounts/sealed';
import type { Platform } from '@shared/platform/contract';
import { decryptJson, encryptJson } from '../encryption';
import { DataKeyLocked } from './referralsAtRest';
import { getMeta, setMeta, type ServerConfig, type SyncTables } from './sync';

export const SERVER_PASSWORD_AAD = 'syncMeta:server:password';

const storedServerSchema = z.object({
  url: z.string().max(2000),
  username: z.string().max(200),
  enabled: z.boolean(),
  secret: z.enum(['keychain', 'sealed', 'none']).optional(),
  passwordSealed: sealedSchema.optional(),
  /** Rows written before issue 13 held the password in clear; rewritten on the next read. */
  password: z.string().optional(),
});
export type StoredServer = z.infer<typeof storedServerSchema>;

export type ServerPlatform = Pick<
  Platform,
  'syncServerAllow' | 'serverSecretStore' | 'serverSecret'
>;

/** The origin the CSP must allow for `url` (scheme, host, port), or null for no server. */
export const serverOrigin = (url: string): string | null => {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.origin : null;
  } catch {
    return null;
  }
};

export class NotAllowed extends Error {
  constructor() {
    super('accounts.error.notAllowed');
  }
}

export const createServerCredentials = (
  tables: SyncTables,
  platform: ServerPlatform,
  session: { subject: () => Subject | null; dataKey: () => CryptoKey | null },
) => {
  const stored = async (): Promise<StoredServer | null> => {
    const parsed = storedServerSchema.nullable().safeParse(await getMeta(tables, 'server', null));
    return parsed.success ? parsed.data : null;
  };

  /** The password kept out of IndexedDB: in the keychain, else sealed with the data key. */
  const keep = async (
    s: Omit<StoredServer, 'secret' | 'passwordSealed' | 'password'>,
    password: string,
  ) => {
    if (password === '') return { ...s, secret: 'none' as const };
    if ((await platform.serverSecretStore({ secret: password })).stored)
      return { ...s, secret: 'keychain' as const };
    const key = session.dataKey();
    if (!key) throw new DataKeyLocked();
    return {
      ...s,
      secret: 'sealed' as const,
      passwordSealed: await encryptJson(key, password, SERVER_PASSWORD_AAD),
    };
  };

  const password = async (s: StoredServer): Promise<string | null> => {
    if (s.password !== undefined) return s.password;
    if (s.secret === 'keychain') return (await platform.serverSecret(undefined)).secret;
    if (s.secret === 'sealed' && s.passwordSealed) {
      const key = session.dataKey();
      if (!key) return null;
      try {
        return String(await decryptJson(key, s.passwordSealed, SERVER_PASSWORD_AAD));
      } catch {
        return null;
      }
    }
    return '';
  };

  return {
    /** What the settings form shows: never the password. */
    async summary(): Promise<(Omit<ServerConfig, 'password'> & { hasPassword: boolean }) | null> {
      const s = await stored();
      return (
        s && {
          url: s.url,
          username: s.username,
          enabled: s.enabled,
          hasPassword: s.password ? true : s.secret === 'keychain' || s.secret === 'sealed',
        }
      );
    },

    /**
     * The whole configuration, for the replication link; null while the password cannot be
     * opened (data key locked). A password still stored in clear is moved out on the way.
     */
    async read(): Promise<ServerConfig | null> {
      const s = await stored();
      if (!s) return null;
      const pw = await password(s);
      if (pw === null) return null;
      if (s.password !== undefined) {
        try {
          const { password: _p, ...rest } = s;
          await setMeta(tables, 'server', await keep(rest, s.password));
        } catch {
          // Locked: moved at the next read with the key open.
        }
      }
      return { url: s.url, username: s.username, password: pw, enabled: s.enabled };
    },

    /** `password` undefined keeps the one stored. Resolves `reload` when the CSP changed. */
    async save(
      config: { url: string; username: string; password?: string; enabled: boolean } | null,
    ): Promise<{ reload: boolean }> {
      if (!can(session.subject(), 'sync.settings')) throw new NotAllowed();
      if (config === null) {
        await platform.serverSecretStore({ secret: null });
        await setMeta(tables, 'server', null);
        const allow = await platform.syncServerAllow({ origin: null });
        return { reload: allow.applies && allow.changed };
      }
      const origin = serverOrigin(config.url);
      if (origin === null) throw new Error('sync.serverUrlInvalid');
      const before = await stored();
      const pw = config.password ?? (before ? ((await password(before)) ?? '') : '');
      const row = await keep(
        { url: config.url, username: config.username, enabled: config.enabled },
        pw,
      );
      await setMeta(tables, 'server', row);
      const allow = await platform.syncServerAllow({ origin: config.enabled ? origin : null });
      return { reload: allow.applies && allow.changed };
    },
  };
};
export type ServerCredentials = ReturnType<typeof createServerCredentials>;
