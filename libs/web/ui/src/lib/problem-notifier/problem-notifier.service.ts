import { inject, Injectable } from '@angular/core';
import { MatSnackBar } from '@angular/material/snack-bar';
import { TranslocoService } from '@jsverse/transloco';

import type { TranslationParams } from '../translation-params';

/** What went wrong and what to do about it, as translation keys; no action when the reason says it all. */
export interface ProblemDescription {
  reasonKey: string;
  actionKey: string | null;
}

const PROBLEM_DURATION_MS = 10_000;
const NOTICE_DURATION_MS = 4_000;

/**
 * Tells the user, in their language, what went wrong and what to do about it, or that something worked.
 * Uses a snackbar, which screen readers announce politely.
 */
@Injectable({ providedIn: 'root' })
export class ProblemNotifier {
  private readonly snackBar = inject(MatSnackBar);
  private readonly transloco = inject(TranslocoService);

  /** Reports a failure, e.g. an API error as `describeApiError` in the data-access library describes it. */
  report(problem: ProblemDescription): void {
    const reason = this.transloco.translate(problem.reasonKey);
    const message = problem.actionKey ? `${reason} ${this.transloco.translate(problem.actionKey)}` : reason;
    this.snackBar.open(message, this.transloco.translate('common.close'), {
      duration: PROBLEM_DURATION_MS,
      politeness: 'assertive',
    });
  }

  /** A short confirmation such as "Saved". */
  announce(key: string, params?: TranslationParams): void {
    this.snackBar.open(this.transloco.translate(key, params), undefined, { duration: NOTICE_DURATION_MS });
  }
}
