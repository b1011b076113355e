import { HttpErrorResponse } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { MatSnackBar } from '@angular/material/snack-bar';
import { TranslocoService } from '@jsverse/transloco';
import { blockingViolations, describeApiError, planningErrorCode } from '@kadens/web/data-access';

import { type ViolationContext, wordViolations } from '@kadens/web/util';

const PROBLEM_DURATION_MS = 10_000;
const NO_CONTEXT: ViolationContext = { channels: [], timeZone: 'UTC' };

/**
 * Says why the API refused a planning change (a move, a save), in the user's language: the planning
 * error codes and broken channel rules in the planning scope's words, anything else as the app-wide
 * reason plus whatever the server said. Needs the planning translation scope to be loaded.
 */
@Injectable({ providedIn: 'root' })
export class PlanningProblems {
  private readonly snackBar = inject(MatSnackBar);
  private readonly transloco = inject(TranslocoService);

  /** `context` names the channels (and the zone for times) a broken rule is about; the catalog will do. */
  report(error: unknown, context: ViolationContext = NO_CONTEXT): void {
    this.snackBar.open(this.describe(error, context), this.transloco.translate('common.close'), {
      duration: PROBLEM_DURATION_MS,
      politeness: 'assertive',
    });
  }

  describe(error: unknown, context: ViolationContext = NO_CONTEXT): string {
    const code = planningErrorCode(error);
    if (code === 'rule_violations') {
      const rules = wordViolations(blockingViolations(error), context, this.transloco.getActiveLang()).map((worded) =>
        this.transloco.translate(worded.key, worded.params),
      );
      return [this.transloco.translate('planning.errors.rule_violations'), ...new Set(rules)].join(' ');
    }
    if (code) return this.transloco.translate(`planning.errors.${code}`);
    const problem = describeApiError(error);
    const parts = [this.transloco.translate(problem.reasonKey)];
    const serverMessage = error instanceof HttpErrorResponse ? (error.error as { message?: unknown } | null)?.message : null;
    if (typeof serverMessage === 'string' && serverMessage.trim() !== '' && problem.status >= 400 && problem.status < 500) {
      parts.push(`(${serverMessage.trim()})`);
    }
    if (problem.actionKey) parts.push(this.transloco.translate(problem.actionKey));
    return parts.join(' ');
  }
}
