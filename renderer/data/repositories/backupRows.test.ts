import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { deleteTestDbs, openTestDb, testDbName } from '../testDb';
import { ROW_SCHEMAS } from './backupRows';

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
});
