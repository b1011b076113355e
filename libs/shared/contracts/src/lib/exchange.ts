/** The plan outside Kadens (issue 14): private calendar feeds, CSV import and export. */

export interface CalendarFeedInput {
  organizationId: string;
  /** Only posts to any of these channels; empty or absent: all. */
  channelIds?: string[];
  /** Only posts with any of these themes; empty or absent: all. */
  themeIds?: string[];
}

export interface CalendarFeedView {
  id: string;
  organizationId: string;
  organizationName: string;
  channelIds: string[];
  themeIds: string[];
  createdAt: string;
  lastFetchedAt: string | null;
}

/** The feed's URL is shown once, when it is made or regenerated: only its hash is stored. */
export interface CalendarFeedCreated extends CalendarFeedView {
  url: string;
}

/** The columns of a plan CSV, in the order an export writes them. */
export const PLAN_CSV_COLUMNS = [
  'date',
  'time',
  'channels',
  'title',
  'text',
  'theme',
  'audience',
  'contentType',
  'link',
  'mediaUrl',
  'altText',
  'dialogue',
] as const;
export type PlanCsvColumn = (typeof PLAN_CSV_COLUMNS)[number];

export const IMPORT_MAX_ROWS = 2000;
export const IMPORT_MAX_BYTES = 5 * 1024 * 1024;

/**
 * One problem of one row: `code` is a message key (`import.*`, a platform text rule such as
 * `text.too_long`, or `promise.<rule>`), `params` fill its words, `column` is null for the whole row.
 */
export interface ImportIssue {
  column: PlanCsvColumn | null;
  code: string;
  params: Record<string, string | number>;
}

export type ImportRowStatus = 'valid' | 'invalid' | 'duplicate' | 'imported';

export interface ImportRowView {
  /** The line's number as a spreadsheet shows it: the header is row 1. */
  row: number;
  title: string;
  plannedAt: string | null;
  /** The channels as the file names them (an unknown one too). */
  channels: string[];
  status: ImportRowStatus;
  errors: ImportIssue[];
  warnings: ImportIssue[];
  /** The draft it became (status imported) or already is (duplicate of an earlier import). */
  postId: string | null;
}

export interface ImportResult {
  dryRun: boolean;
  delimiter: ',' | ';' | '\t';
  /** Each header of the file and the column it was read as (null: not understood, ignored). */
  headers: Array<{ header: string; column: PlanCsvColumn | null }>;
  total: number;
  valid: number;
  invalid: number;
  duplicates: number;
  imported: number;
  rows: ImportRowView[];
}
