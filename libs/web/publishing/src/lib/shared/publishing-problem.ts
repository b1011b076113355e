import { HttpErrorResponse } from '@angular/common/http';
import { describeApiError, publishingErrorCode, type PublishingErrorCode } from '@kadens/web/data-access';

/**
 * Why the server refused a publishing action, for people: what went wrong and what to do about it
 * (translation keys), the server's own words when it sent no code the screens know, and whether
 * looking at the current state is the way forward (the target changed meanwhile).
 */
export interface PublishingProblem {
  reasonKey: string;
  actionKey: string | null;
  serverMessage: string | null;
  reload: boolean;
}

/** Codes after which the screen is out of date: the way on is to see how the target stands now. */
const RELOAD_CODES: readonly PublishingErrorCode[] = [
  'target_state',
  'not_paused',
  'target_not_found',
  'post_not_found',
  'channel_not_found',
];

export function describePublishingProblem(error: unknown): PublishingProblem {
  const code = publishingErrorCode(error);
  // The known codes' texts say what happened and what to do.
  if (code)
    return { reasonKey: `publishing.problems.codes.${code}`, actionKey: null, serverMessage: null, reload: RELOAD_CODES.includes(code) };
  const problem = describeApiError(error);
  const changed = problem.status === 404 || problem.status === 409 || problem.status === 422;
  return {
    // 409 and 422 mean the target is not in a state that allows this (any more): say so plainly.
    reasonKey: problem.status === 409 || problem.status === 422 ? 'publishing.problems.notNow' : problem.reasonKey,
    // For a changed target the reload button is the way forward; "reload the page" would say it twice.
    actionKey: changed ? null : problem.actionKey,
    serverMessage: serverMessage(error),
    reload: changed,
  };
}

/** The error body's `message` (joined when a list), or null when the server said nothing readable. */
function serverMessage(error: unknown): string | null {
  if (!(error instanceof HttpErrorResponse) || typeof error.error !== 'object' || error.error === null) return null;
  const message: unknown = (error.error as { message?: unknown }).message;
  const text = Array.isArray(message) ? message.filter((part) => typeof part === 'string').join(' ') : message;
  return typeof text === 'string' && text.trim() ? text.trim() : null;
}
