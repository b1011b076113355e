import { ErrorHandler, Injectable } from '@angular/core';

/**
 * Chrome reports "ResizeObserver loop completed with undelivered notifications" as a window error when a
 * ResizeObserver callback changes the size of what it observes within the same frame. FullCalendar 7
 * does exactly that with its one global observer (it re-renders the month synchronously inside the
 * callback, fullcalendar/fullcalendar#8082 and #7929); the notifications are delivered in the next frame
 * and nothing is lost, so it is a notice, not an error. Angular's global error listener would log it as
 * "ERROR" on every calendar render; this handler drops exactly that notice and reports everything else.
 */
const BENIGN = [/^ResizeObserver loop completed with undelivered notifications\.?$/, /^ResizeObserver loop limit exceeded$/];

/** True for the notice itself, as Angular wraps it (an Error with its message; in dev mode the ErrorEvent as `cause`). */
export function isBenignBrowserNotice(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const cause = error.cause instanceof ErrorEvent ? error.cause : null;
  const message = cause && !cause.error ? cause.message : error.message;
  return BENIGN.some((pattern) => pattern.test(message));
}

@Injectable()
export class AppErrorHandler extends ErrorHandler {
  override handleError(error: unknown): void {
    if (isBenignBrowserNotice(error)) return;
    super.handleError(error);
  }
}
