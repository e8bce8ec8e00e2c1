/**
 * Areas added by an administrator (shared/domain/directory/customAreas.ts): one form entry or
 * one CSV list at a time, each write one transaction with its change-log entry (so it
 * replicates like a directory record) and its audit entry. Only `settings.manage` (the
 * administrator) may write; everyone reads.
 */
import { can, type Subject } from '@shared/domain/accounts/permissions';
import type { AdminArea } from '@shared/domain/directory/areas';
import type { AreaImportRow } from '@shared/domain/directory/areaCsv';
import type { AreaDraft, CustomArea } from '@shared/domain/directory/customAreas';
import {
  areaProblem,
  customAreaRecord,
  customAreaSchema,
  toAdminArea,
  usableAreas,
} from '@shared/domain/directory/customAreas';
import type { PasserelleDb } from '../db';
import type { Actor } from '../journal';
import { journal } from '../journal';

export const AREAS_TABLE = 'areas';
export const AREAS_STORES_V11 = { [AREAS_TABLE]: 'id, country, code' } as const;

export type AddAreaResult =
  { ok: true; area: CustomArea } | { ok: false; error: string; why?: string };

export const createAreasRepository = (
  db: PasserelleDb,
  actor: () => Actor,
  subject?: () => Subject | null,
) => {
  const table = () => db.table<CustomArea, string>(AREAS_TABLE);
  const mayManage = () => !subject || can(subject(), 'settings.manage');
  const localId = () => crypto.randomUUID().replace(/-/g, '').slice(0, 6);

  /** Every record of `country`, as stored (replicated ones included), parsed. */
  const records = async (country: string): Promise<CustomArea[]> =>
    (await table().where('country').equals(country).toArray()).flatMap((r) => {
      const parsed = customAreaSchema.safeParse(r);
      return parsed.success ? [parsed.data] : [];
    });

  /** The usable areas of `country`, shaped like reference areas. */
  const list = async (country: string): Promise<AdminArea[]> => {
    const usable = usableAreas(await records(country));
    return usable.map((r) => toAdminArea(r, usable));
  };

  const write = async (areas: CustomArea[], action: string) =>
    db.transaction('rw', [table(), db.changes, db.audit], async () => {
      await table().bulkPut(areas);
      await journal(
        db,
        actor(),
        areas.map((a) => ({
          table: AREAS_TABLE,
          recordId: a.id,
          op: 'put' as const,
          action,
          detail: a.code,
        })),
      );
    });

  const add = async (draft: AreaDraft): Promise<AddAreaResult> => {
    if (!mayManage()) return { ok: false, error: 'areas.error.denied' };
    const existing = usableAreas(await records(draft.country));
    const problem = areaProblem(draft, existing);
    if (problem) return { ok: false, ...problem };
    const area = customAreaRecord(draft, {
      id: crypto.randomUUID(),
      office: actor().office,
      now: new Date().toISOString(),
      localId: localId(),
    });
    await write([area], 'area.add');
    return { ok: true, area };
  };

  /** All-or-nothing per valid row: bad rows are reported by number, good rows are added. */
  const importCsv = async (
    text: string,
    country: string,
  ): Promise<{ ok: boolean; added: number; refused: AreaImportRow[] }> => {
    if (!mayManage()) return { ok: false, added: 0, refused: [] };
    // The CSV reader comes with the first import, not with the window (issue 15).
    const { readAreaCsv } = await import('@shared/domain/directory/areaCsv');
    const rows = readAreaCsv(text, country, usableAreas(await records(country)));
    const now = new Date().toISOString();
    const areas = rows.flatMap((r) =>
      r.draft
        ? [
            customAreaRecord(r.draft, {
              id: crypto.randomUUID(),
              office: actor().office,
              now,
              localId: localId(),
            }),
          ]
        : [],
    );
    if (areas.length) await write(areas, 'area.import');
    return { ok: true, added: areas.length, refused: rows.filter((r) => r.error) };
  };

  return { list, add, importCsv };
};

export type AreasRepository = ReturnType<typeof createAreasRepository>;
