/**
 * Letters: the letterhead (settings), issuing a letter and recording the files made from it.
 * Issuing checks the consent gate, builds the model with the reference the office's counter
 * gives next, seals it (the snapshot is case data) and then, in one transaction, draws that
 * very number, stores the snapshot and writes the history event; if the number was taken
 * meanwhile it starts again, so references have neither gaps nor duplicates. Letters stay with
 * the office that issued them (they do not replicate); their history events do.
 */
import type { Action, Subject } from '@shared/domain/accounts/permissions';
import { can } from '@shared/domain/accounts/permissions';
import type { LetterOptions } from '@shared/domain/letters/build';
import type { Letterhead, LetterheadInput } from '@shared/domain/letters/letterhead';
import { EMPTY_LETTERHEAD, letterheadSchema, letterGaps } from '@shared/domain/letters/letterhead';
import type { LetterRecord } from '@shared/domain/letters/model';
import { letterRecordSchema } from '@shared/domain/letters/model';
import { formatReference, referenceCounterKey } from '@shared/domain/letters/reference';
import { createLetterSeriesRepository } from './letterSeries';
import type { GateResult } from '@shared/domain/referrals/rules';
import { fieldErrors } from '@shared/domain/referrals/rules';
import { makeEvent } from '@shared/domain/referrals/workflow';
import type { Result } from '@shared/domain/validation';
import type { PasserelleDb } from '../db';
import type { Actor } from '../journal';
import { journal } from '../journal';
import {
  NOT_ALLOWED,
  localDate,
  nextInSequence,
  openLetter,
  openReferral,
  referralTables,
  sameRow,
  serviceViewOf,
  summaryOf,
} from './referralRows';
import { sealRow } from './referralsAtRest';
import { referralResource } from './screeningOwner';
import { createSettingsRepository } from './settings';

const LETTERHEAD = 'letterhead';

// The letter model and its words in the four languages: loaded when a letter is issued, not
// with the window (issue 15, cold start).
const letterBuilder = () =>
  Promise.all([import('./letterTranslator'), import('@shared/domain/letters/build')]);

/** Enough for every window of an office issuing at the same moment to get its number. */
const ISSUE_ATTEMPTS = 100;

export type IssueResult =
  | { ok: true; letter: LetterRecord }
  | {
      ok: false;
      error:
        | Extract<GateResult, { ok: false }>['error']
        | 'validation.notFound'
        | 'referrals.error.changed'
        | 'ux.letters.incomplete'
        | typeof NOT_ALLOWED;
    };

/**
 * `subject`: the logged-in user; with it, issuing and files need `letter.generate`.
 * `dataKey`: the unlocked data key; a letter's snapshot is case data, sealed at rest.
 */
export const createLettersRepository = (
  db: PasserelleDb,
  actor: () => Actor,
  subject?: () => Subject | null,
  dataKey?: () => CryptoKey | null,
) => {
  const t = referralTables(db);
  const key = () => dataKey?.() ?? null;
  /** On one referral: a frontline worker only on the referrals of their own screenings. */
  const allowed = async (action: Action, referral: { id: string; serviceId: string }) =>
    !subject || can(subject(), action, await referralResource(db, subject(), action, referral));
  const settings = createSettingsRepository(db);
  // References are drawn per installation's series (MRN/BKO-2/2026/0042), issue 13.
  const series = createLetterSeriesRepository(db, actor);

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
    const { code } = await series.current();
    const year = Number(localDate().slice(0, 4));
    const next = (await t.counters.get(referenceCounterKey(code, year)))?.next ?? 1;
    const f = format ?? (await getLetterhead()).referenceFormat;
    return formatReference(f, { office: code, year, seq: next });
  };

  /**
   * Issues a letter. The model holds case data, so it is sealed before the transaction; its
   * reference is therefore the one the counter will give next, and the transaction checks it
   * did: if another window took that number, or the referral changed, it is built again.
   * References keep neither gaps nor duplicates.
   */
  const issue = async (referralId: string, options: LetterOptions): Promise<IssueResult> => {
    const [{ letterTranslator }, { buildLetterModel }] = await letterBuilder();
    const tr = letterTranslator(options.locale);
    for (let attempt = 0; attempt < ISSUE_ATTEMPTS; attempt++) {
      const stored = await t.referrals.get(referralId);
      if (!stored || stored.deletedAt !== null) return { ok: false, error: 'validation.notFound' };
      const summary = summaryOf(stored);
      if (!(await allowed('letter.generate', summary))) return { ok: false, error: NOT_ALLOWED };
      // The referring office writes the letters; the receiving office receives them.
      const who = actor();
      if (summary.office !== who.office) return { ok: false, error: NOT_ALLOWED };
      const referral = await openReferral(key(), stored);
      const view = await serviceViewOf(db, referral.serviceId, key());
      if (!view) return { ok: false, error: 'referrals.gate.noService' };
      const office = await settings.getOffice();
      if (!office) return { ok: false, error: 'validation.notFound' };
      const letterhead = await getLetterhead();
      // A letter nobody can sign is no letter: refused before its number is drawn.
      if (letterGaps(letterhead, options.signatory).length > 0)
        return { ok: false, error: 'ux.letters.incomplete' };
      const date = localDate();
      const year = Number(date.slice(0, 4));
      // The series stands for {OFFICE}: two PCs of one office never draw the same number.
      const { code } = await series.current();
      await series.announce();
      const counter = referenceCounterKey(code, year);
      const seq = (await t.counters.get(counter))?.next ?? 1;
      const reference = formatReference(letterhead.referenceFormat, { office: code, year, seq });
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
      if (!built.ok) return { ok: false, error: built.error };
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
      const event = makeEvent(
        referral,
        'letterIssued',
        { now, by: who.user, newId: () => crypto.randomUUID(), office: who.office },
        { letterId: letter.id, reference, reason: built.model.basis },
      );
      const [sealedLetter, sealedEvent] = await Promise.all([
        sealRow(key(), 'letters', letter),
        sealRow(key(), 'referralEvents', event),
      ]);
      const done = await db.transaction(
        'rw',
        [t.referrals, t.events, t.letters, t.counters, db.changes, db.audit],
        async () => {
          if (!sameRow(await t.referrals.get(referralId), stored)) return false;
          // Only the number this letter was built with; another one means build it again.
          if (((await t.counters.get(counter))?.next ?? 1) !== seq) return false;
          await nextInSequence(db, counter);
          await t.letters.add(sealedLetter);
          await t.events.add(sealedEvent);
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
          return true;
        },
      );
      if (done) return { ok: true, letter };
    }
    return { ok: false, error: 'referrals.error.changed' };
  };

  const getLetter = async (id: string): Promise<LetterRecord | undefined> => {
    const l = await t.letters.get(id);
    const referral = l && (await t.referrals.get(String(l.referralId)));
    if (!l || l.deletedAt !== null || !referral) return undefined;
    // Whoever may write the referral's letters may read them (a frontline worker, their own).
    const summary = summaryOf(referral);
    if (!(await allowed('referral.view', summary)) && !(await allowed('letter.generate', summary)))
      return undefined;
    return openLetter(key(), l);
  };

  /** A PDF or DOCX made from a letter's snapshot: which file, when, by whom, in the history. */
  const recordFile = async (
    letterId: string,
    format: 'pdf' | 'docx' | 'print',
    fileName: string,
  ) => {
    const letter = await t.letters.get(letterId);
    const stored = letter && (await t.referrals.get(String(letter.referralId)));
    if (!letter || !stored) return false;
    const referral = summaryOf(stored);
    if (!(await allowed('letter.generate', referral))) return false;
    const who = actor();
    const event = await sealRow(
      key(),
      'referralEvents',
      makeEvent(
        referral,
        'letterFile',
        {
          now: new Date().toISOString(),
          by: who.user,
          newId: () => crypto.randomUUID(),
          office: who.office,
        },
        { letterId, reference: String(letter.reference), format, fileName },
      ),
    );
    await db.transaction('rw', [t.events, db.changes, db.audit], async () => {
      await t.events.add(event);
      // The file is an export of case data: this entry is its audit trace.
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
    });
    return true;
  };

  return { getLetterhead, saveLetterhead, nextReference, issue, getLetter, recordFile };
};

export type LettersRepository = ReturnType<typeof createLettersRepository>;
