/**
 * Letter number series (issue 13): each installation of an office numbers its letters in its own
 * series, so two PCs of one office never print the same reference and numbers stay gapless per
 * series: MRN/BKO-2/2026/0042. The series code replaces {OFFICE} in the reference format and
 * names the counter. Each installation announces its series in a small replicated record, so two
 * PCs announcing the same series are flagged in Settings before they collide.
 */
import { z } from 'zod';
import { replicatedSchema, uuidSchema } from '../directory/schema';

/** The office code, a hyphen, and a short code of this PC: BKO-2, SEG-ACC. */
export const SERIES_PATTERN = /^[A-Z0-9]{2,10}-[A-Z0-9]{1,6}$/;

export const seriesCodeFor = (officeCode: string) =>
  z
    .string()
    .trim()
    .toUpperCase()
    .regex(SERIES_PATTERN, { message: 'trust.series.invalid' })
    .refine((s) => s.startsWith(`${officeCode}-`), { message: 'trust.series.invalid' });

export const defaultSeries = (officeCode: string): string => `${officeCode}-1`;

/** This installation's choice, kept locally (settings row `letterSeries`). */
export const localSeriesSchema = z.object({
  /** A random id of this installation: its announcement's id. */
  installation: uuidSchema,
  /** Null until an administrator chooses one: the default then follows the office code. */
  code: z.string().regex(SERIES_PATTERN).nullable().default(null),
});
export type LocalSeries = z.infer<typeof localSeriesSchema>;

/** What each installation tells the others (replicated, owned by its office). */
export const seriesAnnouncementSchema = replicatedSchema.extend({
  series: z.string().regex(SERIES_PATTERN),
  /** How people tell the PCs apart: the office name and the first administrator, say. */
  label: z.string().trim().max(120).default(''),
});
export type SeriesAnnouncement = z.infer<typeof seriesAnnouncementSchema>;

/** Other installations of the same office announcing the same series. */
export const seriesClashes = (
  own: { installation: string; office: string; series: string },
  announced: readonly SeriesAnnouncement[],
): SeriesAnnouncement[] =>
  announced.filter(
    (a) =>
      a.id !== own.installation &&
      a.office === own.office &&
      a.series === own.series &&
      a.deletedAt === null,
  );
