/**
 * Letters: the letterhead (settings), issuing a letter and recording the files made from it.
 * Issuing is one transaction: it checks the consent gate, draws the reference from the
 * office's counter for the year, builds the model, stores it as the letter's snapshot and
 * writes the history event. If anything fails, the transaction aborts and the number returns
 * to the counter, so references have neither gaps nor duplicates.
 */
import { createIntl, createIntlCache } from 'react-intl';
import type { Action, Subject } from '@shared/domain/accounts/permissions';
import { can } from '@shared/domain/accounts/permissions';
import type { LetterOptions, LetterTranslate } from '@shared/domain/letters/build';
import { buildLetterModel } from '@shared/domain/letters/build';
import type { Letterhead, LetterheadInput } from '@shared/domain/letters/letterhead';
import { EMPTY_LETTERHEAD, letterheadSchema } from '@shared/domain/letters/letterhead';
import type { LetterRecord } from '@shared/domain/letters/model';
import { letterRecordSchema } from '@shared/domain/letters/model';
import { formatReference, referenceCounterKey } from '@shared/domain/letters/reference';
import type { GateResult } from '@shared/domain/referrals/rules';
import { fieldErrors } from '@shared/domain/referrals/rules';
import { makeEvent } from '@shared/domain/referrals/workflow';
import { catalogues } from '@shared/i18n/catalogues';
import type { Locale } from '@shared/i18n/define';
import type { Result } from '@shared/domain/validation';
import type { PasserelleDb } from '../db';
import type { Actor } from '../journal';
import { journal } from '../journal';
import { NOT_ALLOWED, localDate, nextInSequence, referralTables } from './referrals';
import { createSettingsRepository } from './settings';

const LETTERHEAD = 'letterhead';
const cache = createIntlCache();

/** The letter's own language, whatever the screen's: an English letter from a French desk. */
export const letterTranslator = (locale: Locale): LetterTranslate => {
  const intl = createIntl({ locale, messages: catalogues[locale] }, cache);
  return (id, values) => intl.formatMessage({ id }, values);
};

/** Aborts the issuing transaction with a message id the screen can show. */
class IssueRefused extends Error {}

export type IssueResult =
  | { ok: true; letter: LetterRecord }
  | {
      ok: false;
      error:
        Extract<GateResult, { ok: false }>['error'] | 'validation.notFound' | typeof NOT_ALLOWED;
    };

/** `subject`: the logged-in user; with it, issuing and files need `letter.generate`. */
export const createLettersRepository = (
  db: PasserelleDb,
  actor: () => Actor,
  subject?: () => Subject | null,
) => {
  const t = referralTables(db);
  const allowed = (action: Action, serviceId: string) =>
    !subject || can(subject(), action, { serviceIds: [serviceId] });
  const settings = createSettingsRepository(db);

  const getLetterhead = async (): Promise<Letterhead> => {
    const parsed = letterheadSchema.safeParse((await db.settings.get(LETTERHEAD))?.value ?? {});
    return parsed.success ? parsed.data : EMPTY_LETTERHEAD;
  };

  const saveLetterhead = async (input: LetterheadInput): Promise<Result<Letterhead>> => {
    if (subject && !can(subject(), 'settings.manage'))
      return { ok: false, errors: { _: NOT_ALLOWED } };
    const parsed = letterheadSchema.safeParse(input);
    if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error) };
    await db.transaction('rw', [db.settings, db.changes, db.audit], async () => {
      await db.settings.put({ key: LETTERHEAD, value: parsed.data });
      await journal(
        db,
        actor(),
        [{ table: 'settings', recordId: LETTERHEAD, op: 'put', action: 'settings.letterhead' }],
        { replicate: false },
      );
    });
    return { ok: true, value: parsed.data };
  };

  /** The reference the next letter will get, for the settings screen (nothing is drawn). */
  const nextReference = async (format?: string): Promise<string> => {
    const office = actor().office;
    const year = Number(localDate().slice(0, 4));
    const next = (await t.counters.get(referenceCounterKey(office, year)))?.next ?? 1;
    const f = format ?? (await getLetterhead()).referenceFormat;
    return formatReference(f, { office, year, seq: next });
  };

  const issue = async (referralId: string, options: LetterOptions): Promise<IssueResult> => {
    const tr = letterTranslator(options.locale);
    const tables = [
      t.referrals,
      t.events,
      t.letters,
      t.counters,
      db.settings,
      db.changes,
      db.audit,
    ];
    try {
      return await db.transaction(
        'rw',
        [...tables, db.services, db.organizations, db.locations],
        async () => {
          const referral = await t.referrals.get(referralId);
          const service = referral && (await db.services.get(referral.serviceId));
          if (!referral || referral.deletedAt !== null)
            throw new IssueRefused('validation.notFound');
          if (!allowed('letter.generate', referral.serviceId)) throw new IssueRefused(NOT_ALLOWED);
          const view = service && {
            service,
            organization: await db.organizations.get(service.organizationId),
            locations: (await db.locations.bulkGet(service.locationIds)).flatMap((l) =>
              l && l.deletedAt === null ? [l] : [],
            ),
          };
          if (!view || service.deletedAt !== null)
            throw new IssueRefused('referrals.gate.noService');
          const office = await settings.getOffice();
          if (!office) throw new IssueRefused('validation.notFound');
          const letterhead = await getLetterhead();
          const who = actor();
          const date = localDate();
          const year = Number(date.slice(0, 4));
          const seq = await nextInSequence(db, referenceCounterKey(who.office, year));
          const reference = formatReference(letterhead.referenceFormat, {
            office: who.office,
            year,
            seq,
          });
          const built = buildLetterModel({
            referral,
            view,
            office,
            letterhead,
            reference,
            date,
            options,
            t: tr,
          });
          if (!built.ok) throw new IssueRefused(built.error);
          const now = new Date().toISOString();
          const letter = letterRecordSchema.parse({
            id: crypto.randomUUID(),
            office: who.office,
            referralId,
            reference,
            issuedAt: now,
            issuedBy: who.user,
            model: built.model,
            createdAt: now,
            updatedAt: now,
            demo: referral.demo,
          });
          await t.letters.add(letter);
          const event = makeEvent(
            referral,
            'letterIssued',
            { now, by: who.user, newId: () => crypto.randomUUID() },
            { letterId: letter.id, reference, reason: built.model.basis },
          );
          await t.events.add(event);
          await journal(
            db,
            who,
            [
              {
                table: 'letters',
                recordId: letter.id,
                op: 'put',
                action: 'letter.issue',
                detail: reference,
              },
              { table: 'referralEvents', recordId: event.id, op: 'put', action: 'letter.issue' },
            ],
            { replicate: !referral.demo },
          );
          return { ok: true as const, letter };
        },
      );
    } catch (e) {
      if (e instanceof IssueRefused) return { ok: false, error: e.message as never };
      throw e;
    }
  };

  const getLetter = async (id: string): Promise<LetterRecord | undefined> => {
    const l = await t.letters.get(id);
    const referral = l && (await t.referrals.get(l.referralId));
    if (!l || l.deletedAt !== null || !referral) return undefined;
    return allowed('referral.view', referral.serviceId) ? letterRecordSchema.parse(l) : undefined;
  };

  /** A PDF or DOCX made from a letter's snapshot: which file, when, by whom, in the history. */
  const recordFile = async (letterId: string, format: 'pdf' | 'docx', fileName: string) =>
    db.transaction('rw', [t.letters, t.referrals, t.events, db.changes, db.audit], async () => {
      const letter = await t.letters.get(letterId);
      const referral = letter && (await t.referrals.get(letter.referralId));
      if (!letter || !referral || !allowed('letter.generate', referral.serviceId)) return false;
      const who = actor();
      const event = makeEvent(
        referral,
        'letterFile',
        { now: new Date().toISOString(), by: who.user, newId: () => crypto.randomUUID() },
        { letterId, reference: letter.reference, format, fileName },
      );
      await t.events.add(event);
      await journal(
        db,
        who,
        [
          {
            table: 'referralEvents',
            recordId: event.id,
            op: 'put',
            action: `letter.${format}`,
            detail: fileName,
          },
        ],
        { replicate: !referral.demo },
      );
      return true;
    });

  return { getLetterhead, saveLetterhead, nextReference, issue, getLetter, recordFile };
};

export type LettersRepository = ReturnType<typeof createLettersRepository>;
