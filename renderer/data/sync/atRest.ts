import type { PasserelleDb } from '../db';
import { refold } from '../repositories/referralRows';
import type { Row, StoredRow } from '../repositories/referralsAtRest';
import { AT_REST_TABLES, openRow, sealRow } from '../repositories/referralsAtRest';
import { openLocation, sealLocation } from '../repositories/locationsAtRest';
import { showsPlace } from '@shared/domain/directory/restricted';

/**
 * Tables whose rows are stored sealed with the installation's data key (issue 7: referral case
 * data). The drain opens them before they are signed and sealed to the parties; the apply seals
 * them before its transaction (WebCrypto cannot run inside one). While the key is locked their
 * changes wait, in order, and nothing after them is skipped: the cursors stop there.
 */
export type AtRestHooks = {
  tables: ReadonlySet<string>;
  ready: () => boolean;
  /** Whether this record needs the key to be stored (default: every record of `tables`). */
  needsKey?: (table: string, record: Record<string, unknown>) => boolean;
  open: (table: string, row: Record<string, unknown>) => Promise<Record<string, unknown>>;
  seal: (table: string, record: Record<string, unknown>) => Promise<Record<string, unknown>>;
  /** Work on what was applied, in the apply transaction (a referral's state, refolded). */
  derived?: {
    tables: readonly string[];
    run: (
      db: PasserelleDb,
      applied: readonly { table: string; record: Record<string, unknown> }[],
    ) => Promise<void>;
  };
};

/**
 * The referral tables' hooks: case fields sealed with the session's data key, and a referral's
 * state refolded whenever it or one of its events arrives (an answer from the receiving office).
 */
export const referralAtRest = (key: () => CryptoKey | null): AtRestHooks => ({
  tables: AT_REST_TABLES,
  ready: () => key() !== null,
  open: (table, row) => openRow(key(), table, row as StoredRow),
  seal: (table, record) => sealRow(key(), table, record as Row),
  derived: {
    tables: ['referrals', 'referralEvents', 'services'],
    run: async (db, applied) => {
      const ids = applied.flatMap(({ table, record }) =>
        table === 'referrals'
          ? [String(record.id)]
          : table === 'referralEvents'
            ? [String(record.referralId)]
            : [],
      );
      if (ids.length) await refold(db, ids);
    },
  },
});

/**
 * Everything this installation seals at rest: referral case data (above) and the place of a
 * restricted location (issue 13, hole 9: repositories/locationsAtRest.ts). A location that is
 * not restricted, or whose place this office does not hold, is stored without the key.
 */
export const officeAtRest = (key: () => CryptoKey | null): AtRestHooks => {
  const referrals = referralAtRest(key);
  return {
    ...referrals,
    tables: new Set([...referrals.tables, 'locations']),
    needsKey: (table, record) =>
      table !== 'locations' || (record.visibility === 'restricted' && showsPlace(record)),
    open: (table, row) =>
      table === 'locations' ? openLocation(key(), row) : referrals.open(table, row),
    seal: (table, record) =>
      table === 'locations'
        ? sealLocation(key(), record as Record<string, unknown> & { id: string })
        : referrals.seal(table, record),
  };
};
