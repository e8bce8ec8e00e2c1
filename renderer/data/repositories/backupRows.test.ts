import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { deleteTestDbs, openTestDb, testDbName } from '../testDb';
import { ExchangeError } from '@shared/domain/exchange/limits';
import { checkRows, ROW_SCHEMAS } from './backupRows';

afterEach(deleteTestDbs);

describe('backup row schemas', () => {
  it('cover every table of the database (sessions aside), so no backup of a used table is refused', async () => {
    const db = openTestDb(testDbName('backup-rows'));
    await db.open();
    const missing = db.tables
      .map((t) => t.name)
      .filter((name) => name !== 'sessions' && !(name in ROW_SCHEMAS));
    expect(missing).toEqual([]);
  });

  it("take an import batch's outbox row, and refuse a crafted one naming the field", () => {
    const row = (recordIds: unknown) => ({
      seq: 7,
      table: 'services',
      recordId: 'a',
      recordIds,
      op: 'put',
      at: '2026-12-03T10:00:00.000Z',
      office: 'BKO',
    });
    expect(() => checkRows([{ name: 'changes', rows: [row(['a', 'b', 'c'])] }])).not.toThrow();
    const refusal = (recordIds: unknown) => {
      try {
        checkRows([{ name: 'changes', rows: [row(recordIds)] }]);
      } catch (e) {
        return e instanceof ExchangeError ? { code: e.code, params: e.params } : e;
      }
      return undefined;
    };
    for (const bad of [[1, 2], 'a b', Array.from({ length: 10_001 }, () => 'x')])
      expect(refusal(bad)).toMatchObject({
        code: 'backupRow',
        params: { table: 'changes', field: expect.stringMatching(/^recordIds/) },
      });
  });
});
