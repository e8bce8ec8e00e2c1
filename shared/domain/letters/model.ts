/**
 * The letter as a document model: every word already resolved in the letter's language, so the
 * HTML and DOCX renderers only lay it out, and a stored snapshot regenerates the very same
 * letter even after the directory, the settings or the wording change.
 */
import { z } from 'zod';
import { LETTER_LOCALES } from './letterLocales';
import { NEEDS, URGENCIES } from '../referrals/schema';
import { logoSchema } from './letterhead';

const line = z.string().max(2000);

export const factSchema = z.object({
  /** Stable key (caseCode, person, services…), so tests and screens can find a fact. */
  key: z.string().max(40),
  label: line,
  value: z.string().max(4000),
});
export type Fact = z.infer<typeof factSchema>;

export const letterModelSchema = z.object({
  schemaVersion: z.literal(1),
  locale: z.enum(LETTER_LOCALES),
  reference: z.string().min(1).max(80),
  /** Issue date, ISO (local calendar date of the office). */
  date: z.iso.date(),
  place: line,
  caseCode: z.string().max(40),
  /** Only when consent and need allow it; otherwise the case code stands for the person. */
  personName: z.string().max(200).nullable(),
  urgency: z.enum(URGENCIES),
  dueDate: z.iso.date(),
  needs: z.array(z.enum(NEEDS)),
  basis: z.enum(['consent', 'override']),
  from: z.object({
    officeName: line,
    authority: z.array(line),
    motto: z.array(line),
    address: z.array(line),
    contact: line,
    footer: line,
    logo: logoSchema.nullable(),
  }),
  to: z.object({ serviceName: line, organizationName: line, lines: z.array(line) }),
  contact: z.object({ name: line, title: line, phone: line, email: line }),
  signatory: z.object({ name: line, title: line }),
  stamp: z.boolean(),
  text: z.object({
    title: line,
    confidential: line,
    referenceLine: line,
    dateLine: line,
    toLabel: line,
    subjectLabel: line,
    subject: line,
    urgencyLabel: line,
    urgency: line,
    salutation: line,
    intro: line,
    facts: z.array(factSchema),
    consentLabel: line,
    consent: z.string().max(4000),
    request: line,
    contactLabel: line,
    contact: line,
    notice: line,
    closing: line,
    stampLabel: line,
  }),
});
export type LetterModel = z.infer<typeof letterModelSchema>;

/** Lines of a multi-line settings field, blank lines dropped. */
export const lines = (s: string): string[] =>
  s
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);

/**
 * An issued letter, kept in the referral's history: its reference and the model snapshot it was
 * issued with, so the PDF and the DOCX can be produced again, identically, at any time.
 */
export const letterRecordSchema = z.object({
  id: z.uuid(),
  office: z.string().min(1).max(40),
  referralId: z.uuid(),
  reference: z.string().min(1).max(80),
  issuedAt: z.iso.datetime({ offset: true }),
  issuedBy: z.string().max(120),
  model: letterModelSchema,
  createdAt: z.iso.datetime({ offset: true }),
  updatedAt: z.iso.datetime({ offset: true }),
  deletedAt: z.iso.datetime({ offset: true }).nullable().default(null),
  demo: z.boolean().default(false),
});
export type LetterRecord = z.infer<typeof letterRecordSchema>;
