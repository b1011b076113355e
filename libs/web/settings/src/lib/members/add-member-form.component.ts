import { ChangeDetectionStrategy, Component, inject, input, output, signal } from '@angular/core';
import { FormGroupDirective, NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { TranslocoPipe } from '@jsverse/transloco';
import {
  type AddMemberRequest,
  type MemberView,
  type OrganizationId,
  PASSWORD_MIN_LENGTH,
  type Role,
  ROLES,
} from '@kadens/shared/contracts';
import { describeApiError, OrganizationsApi } from '@kadens/web/data-access';
import { applyServerFieldErrors, FieldErrorComponent, ProblemNotifier, setTranslatedError } from '@kadens/web/ui';

/** Adds a person to the organisation; a first password is needed only when they have no account yet. */
@Component({
  selector: 'kd-add-member-form',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    TranslocoPipe,
    FieldErrorComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './add-member-form.component.html',
  styles: `
    .add-member__fields {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(14rem, 1fr));
      align-items: start;
      column-gap: 1rem;
      row-gap: 1rem;
    }
    .add-member__title {
      margin: 0 0 1rem;
      font: var(--mat-sys-title-medium);
    }
    .add-member__actions {
      display: flex;
      justify-content: flex-end;
      margin-top: 1rem;
    }
  `,
})
export class AddMemberFormComponent {
  private readonly api = inject(OrganizationsApi);
  private readonly notifier = inject(ProblemNotifier);

  readonly organizationId = input.required<OrganizationId>();
  readonly added = output<MemberView>();

  protected readonly roles = ROLES;
  protected readonly passwordMinLength = PASSWORD_MIN_LENGTH;
  protected readonly adding = signal(false);
  protected readonly form = inject(NonNullableFormBuilder).group({
    email: ['', [Validators.required, Validators.email]],
    name: ['', [Validators.required]],
    role: ['editor' as Role, [Validators.required]],
    initialPassword: ['', [Validators.minLength(PASSWORD_MIN_LENGTH)]],
  });

  protected async addMember(formDirective: FormGroupDirective): Promise<void> {
    if (this.adding()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.adding.set(true);
    try {
      const member = await this.api.addMember(this.organizationId(), this.request());
      this.added.emit(member);
      this.notifier.announce('settings.members.added', { name: member.name });
      // Resetting through the directive also clears "submitted", so no field shows an error afterwards.
      formDirective.resetForm({ email: '', name: '', role: 'editor', initialPassword: '' });
    } catch (error) {
      this.showFailure(error);
    } finally {
      this.adding.set(false);
    }
  }

  private request(): AddMemberRequest {
    const { email, name, role, initialPassword } = this.form.getRawValue();
    return initialPassword ? { email, name, role, initialPassword } : { email, name, role };
  }

  private showFailure(error: unknown): void {
    const problem = describeApiError(error);
    switch (problem.code) {
      case 'already_member':
        setTranslatedError(this.form.controls.email, 'errors.code.already_member');
        return;
      case 'initial_password_required':
        setTranslatedError(this.form.controls.initialPassword, 'errors.code.initial_password_required');
        return;
    }
    if (problem.status === 400 && problem.fieldErrors.length > 0) {
      if (applyServerFieldErrors(this.form, problem.fieldErrors).length === 0) return;
    }
    this.notifier.report(problem);
  }
}
