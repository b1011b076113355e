import { ChangeDetectionStrategy, Component, computed, effect, inject, signal, untracked } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { type MatSelectChange, MatSelectModule } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import { Router } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { type InvitationView, type MemberView, type OrganizationId, type Role, ROLES } from '@kadens/shared/contracts';
import { ActiveOrganization, describeApiError, homeLink, InvitationsApi, OrganizationsApi, SessionStore } from '@kadens/web/data-access';
import { Confirmation, ProblemNotifier } from '@kadens/web/ui';

import { InviteMemberFormComponent } from './invite-member-form.component';
import { PendingInvitationsComponent } from './pending-invitations.component';

/** The organisation's members; whoever may manage them invites people, changes roles and removes people here. */
@Component({
  selector: 'kd-members-panel',
  imports: [
    MatButtonModule,
    MatCardModule,
    MatProgressBarModule,
    MatSelectModule,
    MatTableModule,
    TranslocoPipe,
    InviteMemberFormComponent,
    PendingInvitationsComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './members-panel.component.html',
  styleUrl: './members-panel.component.scss',
})
export class MembersPanelComponent {
  private readonly api = inject(OrganizationsApi);
  private readonly invitationsApi = inject(InvitationsApi);
  private readonly session = inject(SessionStore);
  private readonly activeOrganization = inject(ActiveOrganization);
  private readonly notifier = inject(ProblemNotifier);
  private readonly confirmation = inject(Confirmation);
  private readonly router = inject(Router);

  protected readonly roles = ROLES;
  protected readonly organizationId = this.activeOrganization.organizationId;
  protected readonly canManage = computed(() => this.activeOrganization.can('members.manage'));
  protected readonly columns = computed(() => (this.canManage() ? ['name', 'email', 'role', 'actions'] : ['name', 'email', 'role']));
  protected readonly members = signal<MemberView[]>([]);
  protected readonly invitations = signal<InvitationView[]>([]);
  protected readonly loading = signal(false);
  protected readonly currentUserId = computed(() => this.session.user()?.id ?? null);

  protected readonly trackMember = (_index: number, member: MemberView) => member.userId;

  constructor() {
    effect(() => {
      const organizationId = this.organizationId();
      untracked(() => {
        if (organizationId) void this.load(organizationId);
      });
    });
  }

  protected invitationSent(invitation: InvitationView): void {
    this.invitations.update((invitations) => [invitation, ...invitations.filter((i) => i.id !== invitation.id)]);
  }

  protected invitationChanged(change: { id: string; invitation: InvitationView | null }): void {
    this.invitations.update((invitations) =>
      change.invitation
        ? invitations.map((i) => (i.id === change.id ? (change.invitation as InvitationView) : i))
        : invitations.filter((i) => i.id !== change.id),
    );
  }

  protected async changeRole(member: MemberView, change: MatSelectChange<Role>): Promise<void> {
    const organizationId = this.organizationId();
    if (!organizationId) return;
    try {
      const updated = await this.api.changeMemberRole(organizationId, member.userId, { role: change.value });
      this.members.update((members) => members.map((m) => (m.userId === updated.userId ? updated : m)));
      this.notifier.announce('settings.members.roleChanged', { name: updated.name });
      if (updated.userId === this.currentUserId()) await this.session.refresh();
    } catch (error) {
      // The select already shows the new role; put the old one back.
      change.source.value = member.role;
      this.notifier.report(describeApiError(error));
    }
  }

  protected async removeMember(member: MemberView): Promise<void> {
    const organizationId = this.organizationId();
    if (!organizationId) return;
    const removingSelf = member.userId === this.currentUserId();
    const confirmed = await this.confirmation.ask({
      titleKey: 'settings.members.removeTitle',
      messageKey: removingSelf ? 'settings.members.removeSelfMessage' : 'settings.members.removeMessage',
      confirmKey: 'settings.members.remove',
      params: { name: member.name },
    });
    if (!confirmed) return;
    try {
      await this.api.removeMember(organizationId, member.userId);
      this.members.update((members) => members.filter((m) => m.userId !== member.userId));
      this.notifier.announce('settings.members.removed', { name: member.name });
      if (removingSelf) {
        await this.session.refresh();
        await this.router.navigate(homeLink());
      }
    } catch (error) {
      this.notifier.report(describeApiError(error));
    }
  }

  private async load(organizationId: OrganizationId): Promise<void> {
    this.loading.set(true);
    try {
      const [members, invitations] = await Promise.all([
        this.api.listMembers(organizationId),
        this.canManage() ? this.invitationsApi.list(organizationId) : Promise.resolve([]),
      ]);
      if (this.organizationId() === organizationId) {
        this.members.set(members);
        this.invitations.set(invitations);
      }
    } catch (error) {
      this.notifier.report(describeApiError(error));
    } finally {
      this.loading.set(false);
    }
  }
}
