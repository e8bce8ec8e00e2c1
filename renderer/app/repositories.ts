/**
 * Every repository the screens use, each built the first time a screen asks for it (issue 15,
 * cold start): the window starts on the directory, which needs a few of them, not the referral,
 * letter, screening or statistics ones. A repository built later is built with the same
 * arguments, so it checks `can()` for whoever is acting when it is called, as before.
 */
import type { Subject } from '@shared/domain/accounts/permissions';
import type { PasserelleDb } from '../data/db';
import type { Actor } from '../data/journal';
import { createAccountsRepository } from '../data/repositories/accounts';
import { createAreasRepository } from '../data/repositories/areas';
import { createAuditRepository } from '../data/repositories/audit';
import { createAutoBackupRepository } from '../data/repositories/autoBackup';
import { createBackupRepository } from '../data/repositories/backupRestore';
import { createCapacityRepository } from '../data/repositories/capacity';
import { createDirectoryRepository } from '../data/repositories/directory';
import { createExchangeRepository } from '../data/repositories/exchange';
import { createHandoverRepository } from '../data/repositories/handover';
import { createLetterSeriesRepository } from '../data/repositories/letterSeries';
import { createLettersRepository } from '../data/repositories/letters';
import { createLocaleRepository } from '../data/repositories/localePrefs';
import { createReferralImport } from '../data/repositories/referralImport';
import { createReferralsRepository } from '../data/repositories/referrals';
import { createScreeningRepository } from '../data/repositories/screening';
import { createSettingsRepository } from '../data/repositories/settings';
import { createStatisticsRepository } from '../data/repositories/statistics';

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
    audit: () => createAuditRepository(db, { actor, ...session }),
    directory: () => createDirectoryRepository(db, actor, session.subject, session.dataKey),
    areas: () => createAreasRepository(db, actor, session.subject),
    exchange: () => createExchangeRepository(db, actor, session.dataKey, session.subject),
    backup: () => createBackupRepository(db, { subject: session.subject }),
    autoBackup: () => createAutoBackupRepository(db, actor),
    settings: () => createSettingsRepository(db, actor),
    capacity: () => createCapacityRepository(db, actor, session.subject),
    referrals: () => createReferralsRepository(db, actor, session.subject, session.dataKey),
    referralImport: () => createReferralImport(db, actor, session.subject, session.dataKey),
    letters: () => createLettersRepository(db, actor, session.subject, session.dataKey),
    locale: () => createLocaleRepository(db, session.subject),
    screening: () => createScreeningRepository(db, actor, session.subject, session.dataKey),
    statistics: () => createStatisticsRepository(db, actor, session.subject, session.dataKey),
    letterSeries: () => createLetterSeriesRepository(db, actor, session.subject),
    handover: () => createHandoverRepository(db, actor, session.subject),
  });
export type Repositories = ReturnType<typeof makeRepositories>;
