/**
 * The CouchDB server, as main sees it (issue 13, holes 8 and 9).
 *
 * - The window's CSP had `connect-src 'self'`, so replication to the configured server was
 *   blocked in the desktop app. Main now keeps exactly one allowed server origin, learned through
 *   `syncServerAllow` (its argument parsed by the contract, then checked again here: an http(s)
 *   origin, no path, no credentials, no wildcard), and the app:// protocol puts it in
 *   `connect-src` (window.ts). Nothing else is ever allowed; a new origin applies at the next
 *   load of the window, which the renderer triggers.
 * - The server password is kept in the OS keychain (safeStorage), never in IndexedDB. Without a
 *   real keychain (Linux `basic_text` is a known constant, not a secret) nothing is stored and the
 *   renderer seals it with the data key instead.
 */
import type { Platform } from '@shared/platform/contract';
import { SERVER_ORIGIN_PATTERN } from '@shared/platform/contract';
import { keyProtection, type KeysDeps } from './keys';

export const SERVER_ORIGIN_FILE = 'sync-server-origin.json';
export const SERVER_SECRET_FILE = 'sync-server-secret.bin';

/** The origin exactly as a CSP source may name it, or null for anything else. */
export const checkServerOrigin = (raw: string): string | null => {
  if (!SERVER_ORIGIN_PATTERN.test(raw)) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  if (url.username || url.password) return null;
  // What the URL parser folds (case, default port) must already be folded: one spelling only.
  return url.origin === raw ? raw : null;
};

export type SyncServerDeps = Omit<KeysDeps, 'keyPath'> & {
  originPath: string;
  secretPath: string;
  unlink: (path: string) => Promise<void>;
};

type Handlers = Pick<Platform, 'syncServerAllow' | 'serverSecretStore' | 'serverSecret'>;

export const createSyncServerHandlers = (deps: SyncServerDeps) => {
  let origin: string | null | undefined;

  /** The allowed origin, read once from disk; anything unreadable or unchecked is none. */
  const allowedOrigin = async (): Promise<string | null> => {
    if (origin !== undefined) return origin;
    try {
      const parsed: unknown = JSON.parse(
        new TextDecoder().decode(await deps.readFile(deps.originPath)),
      );
      const raw =
        typeof parsed === 'object' && parsed !== null && 'origin' in parsed ? parsed.origin : null;
      origin = typeof raw === 'string' ? checkServerOrigin(raw) : null;
    } catch {
      origin = null;
    }
    return origin;
  };

  const handlers: Handlers = {
    syncServerAllow: async (args) => {
      const next = args.origin === null ? null : checkServerOrigin(args.origin);
      if (args.origin !== null && next === null) throw new Error('origin not allowed');
      const before = await allowedOrigin();
      if (next !== before)
        await deps.writeFile(
          deps.originPath,
          new TextEncoder().encode(JSON.stringify({ origin: next })),
        );
      origin = next;
      return { origin: next, changed: next !== before, applies: true };
    },
    serverSecretStore: async ({ secret }) => {
      if (secret === null) {
        await deps.unlink(deps.secretPath).catch(() => undefined);
        return { stored: true };
      }
      if (keyProtection({ ...deps, keyPath: deps.secretPath }).protection !== 'keychain')
        return { stored: false };
      await deps.writeFile(deps.secretPath, new Uint8Array(deps.safeStorage.encryptString(secret)));
      return { stored: true };
    },
    serverSecret: async () => {
      if (keyProtection({ ...deps, keyPath: deps.secretPath }).protection !== 'keychain')
        return { secret: null };
      try {
        return {
          secret: deps.safeStorage.decryptString(Buffer.from(await deps.readFile(deps.secretPath))),
        };
      } catch {
        return { secret: null };
      }
    },
  };
  return { handlers, allowedOrigin };
};
