import type { PasserelleDb } from '../db';
import { refold } from '../repositories/referralRows';
import type { Row, StoredRow } from '../repositories/referralsAtRest';
import { AT_REST_TABLES, openRow, sealRow } from '../repositories/referralsAtRest';

/**
 * Tables whose rows are stored sealed with the installation's data key (issue 7: referral case
 * data). The drain opens them before they are signed and sealed to the parties; the apply seals
 * them before its transaction (WebCrypto cannot run inside one). While the key is locked their
 * changes wait, in order, and nothing after them is skipped: the cursors stop there.
 */
export type AtRestHooks = {
  tables: ReadonlySet<string>;
  ready: () => boolean;
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
