/**
 * Every repository the screens use, each built the first time a screen asks for it (issue 15,
 * cold start): the window starts on the directory, which needs a few of them, not the referral,
 * letter, screening or statistics ones, whose code is not even loaded until an on-demand screen
 * is (loadScreenRepositories). A repository built later is built with the same arguments, so it
 * checks `can()` for whoever is acting when it is called, as before.
 */
import type { Subject } from '@shared/domain/accounts/permissions';
import type { PasserelleDb } from '../data/db';
import type { Actor } from '../data/journal';
import { onDemand } from './onDemand';
import type * as ScreenRepositories from './screenRepositories';
import { createAccountsRepository } from '../data/repositories/accounts';
import { createAreasRepository } from '../data/repositories/areas';
import { createAutoBackupRepository } from '../data/repositories/autoBackup';
import { createCapacityRepository } from '../data/repositories/capacity';
import { createDirectoryRepository } from '../data/repositories/directory';
import { createLocaleRepository } from '../data/repositories/localePrefs';
import { createSettingsRepository } from '../data/repositories/settings';

const screenCode = onDemand(() => import('./screenRepositories'));

/**
 * Loads the repositories only on-demand screens use (screenRepositories.ts); every such screen
 * waits for it with its own code (lazyScreen.tsx). Resolves at once once loaded.
 */
export const loadScreenRepositories = (): Promise<void> => screenCode.load();

/** The on-demand repositories' module; reading one before it is loaded is a bug, said so. */
const screens = (): typeof ScreenRepositories => {
  const loaded = screenCode.get();
  if (!loaded) {
    throw new Error('A screen repository was read before loadScreenRepositories() resolved');
  }
  return loaded;
};

/**
 * `subject`: the logged-in user, for the permission checks repositories make themselves;
 * `dataKey`: the unlocked data key, for case data sealed at rest.
 */
export type SessionAccess = {
  subject: () => (Subject & { id: string }) | null;
  dataKey: () => CryptoKey | null;
};

type Built<B> = { readonly [K in keyof B]: B[K] extends () => infer T ? T : never };

/** An object whose every property is made by its builder on first read, then kept. */
export const onFirstUse = <B extends Record<string, () => unknown>>(builders: B): Built<B> => {
  const out = {};
  for (const key of Object.keys(builders)) {
    let made = false;
    let value: unknown;
    Object.defineProperty(out, key, {
      enumerable: true,
      get: () => {
        if (!made) {
          value = builders[key]!();
          made = true;
        }
        return value;
      },
    });
  }
  return out as Built<B>;
};

export const makeRepositories = (db: PasserelleDb, actor: () => Actor, session: SessionAccess) =>
  onFirstUse({
    db: () => db,
    accounts: () => createAccountsRepository(db, { actor, subject: session.subject }),
    audit: () => screens().createAuditRepository(db, { actor, ...session }),
    directory: () => createDirectoryRepository(db, actor, session.subject, session.dataKey),
    areas: () => createAreasRepository(db, actor, session.subject),
    exchange: () => screens().createExchangeRepository(db, actor, session.dataKey, session.subject),
    backup: () => screens().createBackupRepository(db, { subject: session.subject }),
    autoBackup: () => createAutoBackupRepository(db, actor),
    settings: () => createSettingsRepository(db, actor),
    capacity: () => createCapacityRepository(db, actor, session.subject),
    referrals: () =>
      screens().createReferralsRepository(db, actor, session.subject, session.dataKey),
    referralImport: () =>
      screens().createReferralImport(db, actor, session.subject, session.dataKey),
    letters: () => screens().createLettersRepository(db, actor, session.subject, session.dataKey),
    locale: () => createLocaleRepository(db, session.subject),
    screening: () =>
      screens().createScreeningRepository(db, actor, session.subject, session.dataKey),
    statistics: () =>
      screens().createStatisticsRepository(db, actor, session.subject, session.dataKey),
    letterSeries: () => screens().createLetterSeriesRepository(db, actor, session.subject),
    handover: () => screens().createHandoverRepository(db, actor, session.subject),
  });
export type Repositories = ReturnType<typeof makeRepositories>;
