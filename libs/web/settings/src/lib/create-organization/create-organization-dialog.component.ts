import { ChangeDetectionStrategy, Component, DestroyRef, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { TranslocoPipe } from '@jsverse/transloco';
import type { OrganizationView } from '@kadens/shared/contracts';
import { describeApiError, LanguageService, OrganizationsApi, SessionStore } from '@kadens/web/data-access';
import { applyServerFieldErrors, ProblemNotifier } from '@kadens/web/ui';

import { buildOrganizationForm, organizationDefaults, slugFromName } from '../organization-form/organization-form';
import { OrganizationFieldsComponent } from '../organization-form/organization-fields.component';

/** Creates an organisation, whose creator becomes its admin; closes with the new organisation. */
@Component({
  selector: 'kd-create-organization-dialog',
  imports: [ReactiveFormsModule, MatButtonModule, MatDialogModule, MatProgressBarModule, TranslocoPipe, OrganizationFieldsComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './create-organization-dialog.component.html',
})
export class CreateOrganizationDialogComponent {
  private readonly api = inject(OrganizationsApi);
  private readonly session = inject(SessionStore);
  private readonly notifier = inject(ProblemNotifier);
  private readonly dialogRef = inject<MatDialogRef<CreateOrganizationDialogComponent, OrganizationView>>(MatDialogRef);

  protected readonly form = buildOrganizationForm(inject(NonNullableFormBuilder), organizationDefaults(inject(LanguageService).locale()));
  protected readonly creating = signal(false);

  constructor() {
    // Suggest a slug from the name until the user writes one of their own.
    const { name, slug } = this.form.controls;
    name.valueChanges.pipe(takeUntilDestroyed(inject(DestroyRef))).subscribe((value) => {
      if (!slug.dirty) slug.setValue(slugFromName(value));
    });
  }

  protected async create(): Promise<void> {
    if (this.creating()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.creating.set(true);
    try {
      const organization = await this.api.create(this.form.getRawValue());
      await this.session.refresh();
      this.dialogRef.close(organization);
    } catch (error) {
      const problem = describeApiError(error);
      const unmatched = problem.status === 400 ? applyServerFieldErrors(this.form, problem.fieldErrors) : [];
      if (problem.status !== 400 || problem.fieldErrors.length === 0 || unmatched.length > 0) {
        this.notifier.report(problem);
      }
    } finally {
      this.creating.set(false);
    }
  }
}
