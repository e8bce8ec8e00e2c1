/** Settings of this installation: the office profile (first-run setup) and preferences. */
import type { OfficeProfile, Preferences } from '@shared/domain/settings/schema';
import { officeProfileSchema, preferencesSchema } from '@shared/domain/settings/schema';
import type { Result } from '@shared/domain/validation';
import { fieldErrors } from '@shared/domain/validation';
import type { PasserelleDb } from '../db';
import { journal, type Actor } from '../journal';

const OFFICE = 'office';
const PREFERENCES = 'preferences';

/** `actor`: who changes settings (the logged-in user); at first run, the profile's own name. */
export const createSettingsRepository = (db: PasserelleDb, actor?: () => Actor) => ({
  async getOffice(): Promise<OfficeProfile | undefined> {
    const row = await db.settings.get(OFFICE);
    const parsed = officeProfileSchema.safeParse(row?.value);
    return parsed.success ? parsed.data : undefined;
  },
  async saveOffice(input: unknown): Promise<Result<OfficeProfile>> {
    const parsed = officeProfileSchema.safeParse(input);
    if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error) };
    const who = actor?.() ?? { office: parsed.data.officeCode, user: parsed.data.userName };
    await db.transaction('rw', [db.settings, db.audit], async () => {
      await db.settings.put({ key: OFFICE, value: parsed.data });
      await journal(
        db,
        who,
        [
          {
            table: 'settings',
            recordId: OFFICE,
            op: 'put',
            action: 'settings.office',
            detail: `${parsed.data.country}/${parsed.data.officeCode}`,
          },
        ],
        { replicate: false },
      );
    });
    return { ok: true, value: parsed.data };
  },
  async getPreferences(): Promise<Preferences> {
    const row = await db.settings.get(PREFERENCES);
    const parsed = preferencesSchema.safeParse(row?.value ?? {});
    return parsed.success ? parsed.data : preferencesSchema.parse({});
  },
  async savePreferences(input: unknown): Promise<Result<Preferences>> {
    const parsed = preferencesSchema.safeParse(input);
    if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error) };
    // The inactivity lock is a security setting: who changed it is kept.
    await db.transaction('rw', [db.settings, db.audit], async () => {
      await db.settings.put({ key: PREFERENCES, value: parsed.data });
      if (actor)
        await journal(
          db,
          actor(),
          [
            {
              table: 'settings',
              recordId: PREFERENCES,
              op: 'put',
              action: 'settings.preferences',
              detail: `lockAfterMinutes=${parsed.data.lockAfterMinutes}`,
            },
          ],
          { replicate: false },
        );
    });
    return { ok: true, value: parsed.data };
  },
});

export type SettingsRepository = ReturnType<typeof createSettingsRepository>;
