/** What an import produces before anything is written: the valid records and every problem. */
import type { Location, Organization, Service, ServiceCategory } from '../directory/schema';

export const IMPORT_FORMATS = ['csv', 'xlsx', 'hsds-json', 'hsds-package'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/**
 * One problem, located: `row` is the spreadsheet row (header = 1) or the item number in an
 * HSDS file; `column` the header or HSDS field path. `code` is a message id. An error rejects
 * its row; a warning says what was changed or dropped and keeps it.
 */
export type Issue = {
  row: number;
  column: string;
  code: string;
  severity: 'error' | 'warning';
  value?: string;
  /** The field concerned (flat field or closed list), shown by its label in the report. */
  field?: string;
  /** What would have been accepted (codes of a closed list), named in the report. */
  allowed?: string[];
  /** A proposed replacement (repaired text, swapped coordinates, date as read). */
  fix?: string;
};

export type ImportContext = {
  /** Office that owns records whose file does not name one. */
  office: string;
  /** ISO 3166-1 country of this office, for areas given by name only. */
  country: string;
  now: string;
  newId: () => string;
  /** For HSDS services without a Passerelle category (partners' files, official examples). */
  defaultCategory: ServiceCategory;
  /**
   * The system an HSDS file comes from (its package's name, else its file name), named in the
   * external identifiers kept for its foreign ids. Set by the import from the file itself.
   */
  source?: string;
};

export type ImportPlan = {
  source: {
    name: string;
    format: ImportFormat;
    encoding?: string;
    delimiter?: string;
    /** Rows grouped into services (3W/5W operational presence). */
    grouped?: boolean;
    /** SHA-256 (hex) of the file's bytes (of each file in order, for a package), for the audit. */
    sha256?: string;
  };
  /** Rows (or HSDS items) read, valid or not. */
  rowsRead: number;
  organizations: Organization[];
  locations: Location[];
  services: Service[];
  /** Source row of each service, same order as `services`. */
  serviceRows: number[];
  issues: Issue[];
  /** Rows with at least one error: none of their records are in the plan. */
  rejectedRows: number[];
};

export type ProgressFn = (done: number, total: number) => void;

/**
 * A share of a plan's records: `size` services in plan order with their source rows, and the
 * locations first named by them; `borrowed` names, by part number, locations these services
 * share with an earlier part (each location lives in one part, the first that names it).
 */
export type PlanPart = {
  services: Service[];
  serviceRows: number[];
  locations: Location[];
  borrowed: [id: string, part: number][];
};

/**
 * A checked plan whose services and locations are read back part by part, in plan order: how
 * the check worker holds a large one (heldPlan.ts) instead of as 200,000 live records. `parts`
 * gives each part with its borrowed locations added to `locations`.
 */
export type PartedPlan = Omit<ImportPlan, 'services' | 'serviceRows' | 'locations'> & {
  serviceCount: number;
  parts: () => Iterable<PlanPart>;
};
