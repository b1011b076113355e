import { ChangeDetectionStrategy, Component, inject, input, output, signal } from '@angular/core';
import { FormGroupDirective, NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { TranslocoPipe } from '@jsverse/transloco';
import { type InvitationView, type InviteMemberRequest, type OrganizationId, type Role, ROLES } from '@kadens/shared/contracts';
import { describeApiError, InvitationsApi } from '@kadens/web/data-access';
import { applyServerFieldErrors, FieldErrorComponent, ProblemNotifier, setTranslatedError } from '@kadens/web/ui';

/**
 * Invites a person by e-mail with a role. Kadens mails them a link; they join only by accepting, and
 * the answer never tells whether the address already has an account.
 */
@Component({
  selector: 'kd-invite-member-form',
  imports: [ReactiveFormsModule, MatButtonModule, MatFormFieldModule, MatInputModule, MatSelectModule, TranslocoPipe, FieldErrorComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './invite-member-form.component.html',
  styles: `
    .invite__fields {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(14rem, 1fr));
      align-items: start;
      column-gap: 1rem;
      row-gap: 1rem;
    }
    .invite__title {
      margin: 0 0 0.25rem;
      font: var(--mat-sys-title-medium);
    }
    .invite__intro {
      margin: 0 0 1rem;
      color: var(--mat-sys-on-surface-variant);
    }
    .invite__actions {
      display: flex;
      justify-content: flex-end;
      margin-top: 1rem;
    }
  `,
})
export class InviteMemberFormComponent {
  private readonly api = inject(InvitationsApi);
  private readonly notifier = inject(ProblemNotifier);

  readonly organizationId = input.required<OrganizationId>();
  readonly invited = output<InvitationView>();

  protected readonly roles = ROLES;
  protected readonly sending = signal(false);
  protected readonly form = inject(NonNullableFormBuilder).group({
    email: ['', [Validators.required, Validators.email, Validators.maxLength(254)]],
    role: ['editor' as Role, [Validators.required]],
    name: ['', [Validators.maxLength(120)]],
  });

  protected async invite(formDirective: FormGroupDirective): Promise<void> {
    if (this.sending()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.sending.set(true);
    try {
      const invitation = await this.api.invite(this.organizationId(), this.request());
      this.invited.emit(invitation);
      this.notifier.announce('settings.members.invited', { email: invitation.email });
      // Resetting through the directive also clears "submitted", so no field shows an error afterwards.
      formDirective.resetForm({ email: '', role: 'editor', name: '' });
    } catch (error) {
      this.showFailure(error);
    } finally {
      this.sending.set(false);
    }
  }

  private request(): InviteMemberRequest {
    const { email, role, name } = this.form.getRawValue();
    return name.trim() ? { email, role, name: name.trim() } : { email, role };
  }

  private showFailure(error: unknown): void {
    const problem = describeApiError(error);
    if (problem.code === 'already_member' || problem.code === 'already_invited') {
      setTranslatedError(this.form.controls.email, problem.reasonKey);
      return;
    }
    if (problem.status === 400 && problem.fieldErrors.length > 0) {
      if (applyServerFieldErrors(this.form, problem.fieldErrors).length === 0) return;
    }
    this.notifier.report(problem);
  }
}
