import { approvalErrorCode, type ApprovalErrorCode, describeApiError } from '@kadens/web/data-access';

import type { TranslatedText } from '../shared/translated-text';

/** Codes after which the screen is out of date: the way on is to load the post again. */
const RELOAD_CODES: readonly ApprovalErrorCode[] = [
  'stale_revision',
  'already_approved',
  'not_allowed_in_state',
  'unknown_reference',
  'delivery_started',
];

/** Why a decision or change was refused, in the reader's words, and whether reloading helps. */
export interface ReviewProblem {
  texts: TranslatedText[];
  /** Offer a "Load the latest version" action. */
  reload: boolean;
}

/**
 * The approval codes in the approvals scope's words (`approvals.errors.<code>`); any other failure as
 * the app-wide reason and what to do about it.
 */
export function describeReviewProblem(error: unknown): ReviewProblem {
  const code = approvalErrorCode(error);
  if (code) return { texts: [{ key: `approvals.errors.${code}` }], reload: RELOAD_CODES.includes(code) };
  const problem = describeApiError(error);
  const texts: TranslatedText[] = [{ key: problem.reasonKey }];
  if (problem.actionKey && problem.status !== 409) texts.push({ key: problem.actionKey });
  return { texts, reload: problem.status === 409 || problem.status === 404 };
}
