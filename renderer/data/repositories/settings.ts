/** Settings of this installation: the office profile (first-run setup) and preferences. */
import type { OfficeProfile, Preferences } from '@shared/domain/settings/schema';
import { officeProfileSchema, preferencesSchema } from '@shared/domain/settings/schema';
import type { Result } from '@shared/domain/validation';
import { fieldErrors } from '@shared/domain/validation';
import type { PasserelleDb } from '../db';

const OFFICE = 'office';
const PREFERENCES = 'preferences';

export const createSettingsRepository = (db: PasserelleDb) => ({
  async getOffice(): Promise<OfficeProfile | undefined> {
    const row = await db.settings.get(OFFICE);
    const parsed = officeProfileSchema.safeParse(row?.value);
    return parsed.success ? parsed.data : undefined;
  },
  async saveOffice(input: unknown): Promise<Result<OfficeProfile>> {
    const parsed = officeProfileSchema.safeParse(input);
    if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error) };
    await db.transaction('rw', [db.settings, db.audit], async () => {
      await db.settings.put({ key: OFFICE, value: parsed.data });
      await db.audit.add({
        at: new Date().toISOString(),
        actor: parsed.data.userName,
        action: 'settings.office',
        table: 'settings',
        recordId: OFFICE,
        detail: `${parsed.data.country}/${parsed.data.officeCode}`,
      });
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
    await db.settings.put({ key: PREFERENCES, value: parsed.data });
    return { ok: true, value: parsed.data };
  },
});

export type SettingsRepository = ReturnType<typeof createSettingsRepository>;
