import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import type { InvitationView, OrganizationId } from '@kadens/shared/contracts';
import { describeApiError, InvitationsApi } from '@kadens/web/data-access';
import { Confirmation, ProblemNotifier } from '@kadens/web/ui';

/** The invitations nobody has answered yet, with when their link stops working; send again or withdraw. */
@Component({
  selector: 'kd-pending-invitations',
  imports: [MatButtonModule, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './pending-invitations.component.html',
  styleUrl: './pending-invitations.component.scss',
})
export class PendingInvitationsComponent {
  private readonly api = inject(InvitationsApi);
  private readonly notifier = inject(ProblemNotifier);
  private readonly confirmation = inject(Confirmation);

  readonly organizationId = input.required<OrganizationId>();
  readonly invitations = input.required<readonly InvitationView[]>();
  /** The invitation as it is now: sent again (a new expiry) or gone (null). */
  readonly changed = output<{ id: string; invitation: InvitationView | null }>();

  private readonly transloco = inject(TranslocoService);
  private readonly language = toSignal(this.transloco.langChanges$, { initialValue: this.transloco.getActiveLang() });
  private readonly dateFormat = computed(() => new Intl.DateTimeFormat(this.language(), { dateStyle: 'medium', timeStyle: 'short' }));

  protected readonly trackInvitation = (_index: number, invitation: InvitationView) => invitation.id;

  protected isExpired(invitation: InvitationView): boolean {
    return Date.parse(invitation.expiresAt) <= Date.now();
  }

  protected expiry(invitation: InvitationView): string {
    return this.dateFormat().format(new Date(invitation.expiresAt));
  }

  protected async resend(invitation: InvitationView): Promise<void> {
    try {
      const resent = await this.api.resend(this.organizationId(), invitation.id);
      this.changed.emit({ id: invitation.id, invitation: resent });
      this.notifier.announce('settings.members.resent', { email: resent.email });
    } catch (error) {
      this.showFailure(invitation, error);
    }
  }

  protected async revoke(invitation: InvitationView): Promise<void> {
    const confirmed = await this.confirmation.ask({
      titleKey: 'settings.members.revokeTitle',
      messageKey: 'settings.members.revokeMessage',
      confirmKey: 'settings.members.revoke',
      params: { email: invitation.email },
    });
    if (!confirmed) return;
    try {
      await this.api.revoke(this.organizationId(), invitation.id);
      this.changed.emit({ id: invitation.id, invitation: null });
      this.notifier.announce('settings.members.revoked', { email: invitation.email });
    } catch (error) {
      this.showFailure(invitation, error);
    }
  }

  /** Answered or withdrawn meanwhile: it is no longer pending, so it leaves the list. */
  private showFailure(invitation: InvitationView, error: unknown): void {
    const problem = describeApiError(error);
    if (problem.code === 'invitation_not_found') this.changed.emit({ id: invitation.id, invitation: null });
    this.notifier.report(problem);
  }
}
