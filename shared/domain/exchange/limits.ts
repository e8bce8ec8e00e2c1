/**
 * Limits on what an imported file may be, checked before (or while) it is read, so a hostile or
 * broken file fails fast with a clear message and changes nothing. They are stated in the
 * Import section of the screen and in the README.
 */
const MB = 1024 * 1024;

export const LIMITS = {
  /** Any single file handed to the importer (CSV, XLSX, JSON, zip). */
  fileBytes: 50 * MB,
  /** All entries of a zip (data package, XLSX) once inflated, counted while inflating. */
  unzippedBytes: 200 * MB,
  /** Inflated size / compressed size of one zip entry beyond its first megabyte. */
  zipRatio: 200,
  zipEntries: 500,
  /** Nesting of JSON arrays and objects; HSDS services nest about 8 deep. */
  jsonDepth: 64,
  /** Data rows of a flat file or items of an HSDS file. */
  rows: 200_000,
  columns: 300,
  /** A cell longer than this is cut off by Excel anyway (32,767). */
  cellChars: 32_767,
  /** An encrypted backup file (whole database). */
  backupBytes: 1024 * MB,
} as const;

export const EXCHANGE_ERROR_CODES = [
  'tooLarge',
  'empty',
  'zipBomb',
  'zipEntries',
  'zipInvalid',
  'tooDeep',
  'invalidJson',
  'invalidUtf8',
  'tooManyRows',
  'tooManyColumns',
  'unknownFormat',
  'notHsds',
  'xlsxInvalid',
  'backupNotBackup',
  'backupVersion',
  'backupAuth',
  'backupContent',
  'cancelled',
  // Restore and backup rights (issue 13): messages in shared/i18n/messages/trust.ts.
  'notAllowed',
  'backupPassword',
  'backupRow',
  'backupForeignKey',
  // Survey value choices refused at the worker (issue 17): shared/i18n/messages/importSurveyChoices.ts.
  'surveyChoices',
  // A message between the window and its workers that its schema refuses (issue 17).
  'badMessage',
] as const;
export type ExchangeErrorCode = (typeof EXCHANGE_ERROR_CODES)[number];
export type ExchangeErrorParams = Record<string, string | number>;

/**
 * A refusal of a whole file. `code` maps to the message id `exchange.error.<code>`; `params`
 * fill its placeholders. Plain data, so it crosses postMessage from the worker intact.
 */
export class ExchangeError extends Error {
  constructor(
    readonly code: ExchangeErrorCode,
    readonly params: ExchangeErrorParams = {},
  ) {
    super(`${code} ${JSON.stringify(params)}`);
    this.name = 'ExchangeError';
  }
}

export type ExchangeFailure = { code: ExchangeErrorCode; params: ExchangeErrorParams };

/** What to send or show for any thrown value: ours as is, anything else as 'unexpected'. */
export const toFailure = (
  e: unknown,
): ExchangeFailure | { code: 'unexpected'; params: { message: string } } =>
  e instanceof ExchangeError
    ? { code: e.code, params: e.params }
    : { code: 'unexpected', params: { message: e instanceof Error ? e.message : String(e) } };

export const checkSize = (bytes: number, limit: number = LIMITS.fileBytes) => {
  if (bytes === 0) throw new ExchangeError('empty');
  if (bytes > limit)
    throw new ExchangeError('tooLarge', {
      size: Math.ceil(bytes / MB),
      limit: Math.floor(limit / MB),
    });
};
