import type { ImportIssue, RuleId } from '@kadens/shared/contracts';
import { TEXT_ISSUE_CODES } from '@kadens/shared/platform-rules';
import { type ViolationContext, wordViolation } from '@kadens/web/util';

/** The import's own issue codes, each worded under `exchange.issue.import.*`. */
export const IMPORT_ISSUE_CODES = [
  'import.required',
  'import.too_long',
  'import.too_many',
  'import.invalid_date',
  'import.invalid_time',
  'import.unknown_channel',
  'import.unknown_theme',
  'import.unknown_audience',
  'import.unknown_content_type',
  'import.invalid_url',
  'import.invalid_yes_no',
  'import.alt_text_not_stored',
  'import.duplicate_in_file',
  'import.refused',
] as const;

/** The API's refusals of a whole file, worded under `exchange.import.errors.*`. */
export const IMPORT_FILE_ERRORS = [
  'import_missing_columns',
  'import_too_many_rows',
  'import_not_utf8',
  'import_unreadable',
  'import_no_file',
  'body_too_large',
] as const;

export interface WordedIssue {
  key: string;
  params: Record<string, string | number>;
}

/**
 * An issue of a preview row as a translation key and its values: the import's own codes and the platform
 * text rules in the exchange scope, a broken promise in the composer's own words (`planning.rules.*`).
 */
export function wordIssue(issue: ImportIssue, context: ViolationContext, language: string): WordedIssue {
  if ((IMPORT_ISSUE_CODES as readonly string[]).includes(issue.code)) return { key: `exchange.issue.${issue.code}`, params: issue.params };
  if ((TEXT_ISSUE_CODES as readonly string[]).includes(issue.code)) return { key: `exchange.issue.${issue.code}`, params: issue.params };
  if (issue.code.startsWith('promise.')) {
    const { channelId, at, ...params } = issue.params;
    const worded = wordViolation(
      {
        rule: issue.code.slice('promise.'.length) as RuleId,
        severity: 'block',
        channelId: String(channelId ?? ''),
        postId: null,
        at: String(at ?? ''),
        params,
      },
      context,
      language,
    );
    return { key: worded.key, params: worded.params };
  }
  return { key: 'exchange.issue.other', params: { code: issue.code } };
}
