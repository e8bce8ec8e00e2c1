/**
 * This installation's letter series (issue 13, shared/domain/letters/series.ts): chosen by an
 * administrator until the first letter is issued in it, announced to the other offices' PCs
 * through sync, and compared with what the office's other PCs announce.
 */
import { can, type Subject } from '@shared/domain/accounts/permissions';
import {
  defaultSeries,
  localSeriesSchema,
  seriesAnnouncementSchema,
  seriesClashes,
  seriesCodeFor,
  type LocalSeries,
  type SeriesAnnouncement,
} from '@shared/domain/letters/series';
import type { Result } from '@shared/domain/validation';
import type { PasserelleDb } from '../db';
import { journal, type Actor } from '../journal';
import { referralTables } from './referralRows';
import { createSettingsRepository } from './settings';

export const LETTER_SERIES = 'letterSeries';

export const announcementsTable = (db: PasserelleDb) =>
  db.table<SeriesAnnouncement, string>('seriesAnnouncements');

export type CurrentSeries = {
  code: string;
  installation: string;
  office: string;
  /** A letter was issued in it: it no longer changes. */
  locked: boolean;
};

export const createLetterSeriesRepository = (
  db: PasserelleDb,
  actor: () => Actor,
  subject?: () => Subject | null,
) => {
  const announcements = announcementsTable(db);
  const { counters } = referralTables(db);
  const settings = createSettingsRepository(db);

  /** Read only: screens read the series in live queries, which may not write. */
  const readLocal = async (): Promise<LocalSeries | null> => {
    const parsed = localSeriesSchema.safeParse((await db.settings.get(LETTER_SERIES))?.value);
    return parsed.success ? parsed.data : null;
  };

  const local = async (): Promise<LocalSeries> => {
    const found = await readLocal();
    if (found) return found;
    // First use: this installation's id, kept (two tabs keep whichever was stored first).
    const made: LocalSeries = { installation: crypto.randomUUID(), code: null };
    return db.transaction('rw', db.settings, async () => {
      const again = localSeriesSchema.safeParse((await db.settings.get(LETTER_SERIES))?.value);
      if (again.success) return again.data;
      await db.settings.put({ key: LETTER_SERIES, value: made });
      return made;
    });
  };

  const current = async (): Promise<CurrentSeries> => {
    // Before the first announcement this installation has no id yet: '' matches no record.
    const l = (await readLocal()) ?? { installation: '', code: null };
    const office = (await settings.getOffice())?.officeCode ?? actor().office;
    // A series chosen under an office code changed since falls back to the new default.
    const code = l.code?.startsWith(`${office}-`) ? l.code : defaultSeries(office);
    const locked = (await counters.where('key').startsWith(`letter/${code}/`).count()) > 0;
    return { code, installation: l.installation, office, locked };
  };

  /** Tells the other PCs (through sync) which series this one uses; once per change. */
  const announce = async (): Promise<void> => {
    await local();
    const c = await current();
    const found = await announcements.get(c.installation);
    if (found && found.series === c.code && found.office === c.office && !found.deletedAt) return;
    const now = new Date().toISOString();
    const office = await settings.getOffice();
    const record = seriesAnnouncementSchema.parse({
      id: c.installation,
      office: c.office,
      series: c.code,
      label: office?.officeName ?? '',
      createdAt: found?.createdAt ?? now,
      updatedAt: now,
    });
    await db.transaction('rw', [announcements, db.changes, db.audit], async () => {
      await announcements.put(record);
      await journal(db, actor(), [
        {
          table: 'seriesAnnouncements',
          recordId: record.id,
          op: 'put',
          action: 'letters.series',
          detail: record.series,
        },
      ]);
    });
  };

  return {
    current,
    announce,

    /** Administrators only, and only before the first letter of the current series. */
    async save(input: string): Promise<Result<CurrentSeries>> {
      if (subject && !can(subject(), 'settings.manage'))
        return { ok: false, errors: { _: 'accounts.error.notAllowed' } };
      const before = await current();
      if (before.locked) return { ok: false, errors: { series: 'trust.series.locked' } };
      const parsed = seriesCodeFor(before.office).safeParse(input);
      if (!parsed.success) return { ok: false, errors: { series: 'trust.series.invalid' } };
      const l = await local();
      await db.transaction('rw', [db.settings, db.audit], async () => {
        await db.settings.put({ key: LETTER_SERIES, value: { ...l, code: parsed.data } });
        await journal(
          db,
          actor(),
          [
            {
              table: 'settings',
              recordId: LETTER_SERIES,
              op: 'put',
              action: 'settings.letterSeries',
              detail: parsed.data,
            },
          ],
          { replicate: false },
        );
      });
      await announce();
      return { ok: true, value: await current() };
    },

    /** Other PCs of this office that announced the same series. */
    async clashes(): Promise<SeriesAnnouncement[]> {
      const c = await current();
      return seriesClashes(
        { installation: c.installation, office: c.office, series: c.code },
        await announcements.where('series').equals(c.code).toArray(),
      );
    },
  };
};
export type LetterSeriesRepository = ReturnType<typeof createLetterSeriesRepository>;
