import { signal } from '@angular/core';
import { type FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialogModule } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { TranslocoPipe } from '@jsverse/transloco';
import { describeApiError } from '@kadens/web/data-access';
import { applyServerFieldErrors, FieldErrorComponent } from '@kadens/web/ui';

import { describePublishingProblem, type PublishingProblem } from './publishing-problem';
import { PublishingProblemComponent } from './publishing-problem.component';

/** What a publishing dialog's template uses: a form with fields and their errors, a progress bar, a problem. */
export const PUBLISHING_DIALOG_IMPORTS = [
  ReactiveFormsModule,
  MatButtonModule,
  MatDialogModule,
  MatFormFieldModule,
  MatInputModule,
  MatProgressBarModule,
  TranslocoPipe,
  FieldErrorComponent,
  PublishingProblemComponent,
] as const;

/**
 * What the publishing dialogs that send their own request share: the progress bar while it runs
 * (`saving`), and a refusal shown beside the fields it names, or as a problem under them (`problem`)
 * when it names none or names one the form does not have.
 */
export abstract class PublishingFormDialog {
  protected abstract readonly form: FormGroup;
  protected readonly saving = signal(false);
  protected readonly problem = signal<PublishingProblem | null>(null);

  /** False, with every field shown touched, while the form has errors. */
  protected formReady(): boolean {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return false;
    }
    return true;
  }

  /** Runs the request (which closes the dialog when it succeeds) with the progress bar up. */
  protected async send(request: () => Promise<void>): Promise<void> {
    this.saving.set(true);
    this.problem.set(null);
    try {
      await request();
    } catch (error) {
      const fieldErrors = describeApiError(error).fieldErrors;
      if (fieldErrors.length === 0 || applyServerFieldErrors(this.form, fieldErrors).length > 0) {
        this.problem.set(describePublishingProblem(error));
      }
    } finally {
      this.saving.set(false);
    }
  }
}
