import { ChangeDetectionStrategy, Component, effect, inject, signal } from '@angular/core';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { TranslocoPipe } from '@jsverse/transloco';
import { type MembershipView, NOTIFICATION_KINDS, type NotificationKind, type OrganizationId } from '@kadens/shared/contracts';
import { describeApiError, NotificationsApi, SessionStore } from '@kadens/web/data-access';
import { ProblemNotifier } from '@kadens/web/ui';

/** One organisation's setting as shown: the kinds not sent by e-mail, or null while it loads. */
interface OrganizationMail {
  membership: MembershipView;
  muted: NotificationKind[] | null;
}

/**
 * Which notifications come by e-mail, per organisation one belongs to: a checkbox per kind, ticked when
 * it is e-mailed (the bell always has them). Each change is saved at once and said ("Saved."); a failed
 * save says why and puts the box back.
 */
@Component({
  selector: 'kd-mail-notifications',
  imports: [MatCheckboxModule, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: '../account-sections.scss',
  template: `
    <section aria-labelledby="mail-title" data-testid="mail-notifications">
      <h2 id="mail-title" class="account-section__title">{{ 'account.mail.title' | transloco }}</h2>
      <p class="mail__intro">{{ 'account.mail.intro' | transloco }}</p>
      @for (organization of organizations(); track organization.membership.organizationId) {
        <fieldset
          class="mail__organization"
          data-testid="mail-organization"
          [attr.data-organization-id]="organization.membership.organizationId"
        >
          <legend class="mail__legend">
            {{ 'account.mail.organization' | transloco: { organization: organization.membership.organizationName } }}
          </legend>
          @if (organization.muted === null) {
            <p role="status">{{ 'account.mail.loading' | transloco }}</p>
          } @else {
            @for (kind of kinds; track kind) {
              <mat-checkbox
                class="mail__kind"
                [checked]="!organization.muted.includes(kind)"
                [disabled]="busy()"
                (change)="choose(organization, kind, $event.checked)"
                [attr.data-testid]="'mail-kind-' + kind"
                >{{ 'account.mail.kinds.' + kind | transloco }}</mat-checkbox
              >
            }
            @if (organization.membership.role === 'admin') {
              <p class="mail__hint">{{ 'account.mail.evaluationHint' | transloco }}</p>
            }
          }
        </fieldset>
      }
    </section>
  `,
  styles: `
    .mail__intro {
      margin: 0 0 0.75rem;
      color: var(--mat-sys-on-surface-variant);
    }
    .mail__organization {
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 8px;
      margin: 0 0 1rem;
      padding: 0.5rem 1rem 0.75rem;
      display: flex;
      flex-direction: column;
      min-width: 0;
    }
    .mail__legend {
      padding: 0 0.25rem;
      font-weight: 500;
    }
    .mail__hint {
      margin: 0.5rem 0 0;
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class MailNotificationsComponent {
  private readonly api = inject(NotificationsApi);
  private readonly session = inject(SessionStore);
  private readonly notifier = inject(ProblemNotifier);
  protected readonly kinds = NOTIFICATION_KINDS;
  protected readonly organizations = signal<OrganizationMail[]>([]);
  protected readonly busy = signal(false);

  constructor() {
    effect(() => {
      const memberships = this.session.memberships();
      this.organizations.set(memberships.map((membership) => ({ membership, muted: null })));
      for (const membership of memberships) void this.load(membership.organizationId);
    });
  }

  protected async choose(organization: OrganizationMail, kind: NotificationKind, byMail: boolean): Promise<void> {
    const id = organization.membership.organizationId;
    const before = organization.muted ?? [];
    const muted = byMail ? before.filter((candidate) => candidate !== kind) : [...before, kind];
    this.set(id, muted);
    this.busy.set(true);
    try {
      this.set(id, (await this.api.setMailPreferences(id, muted)).mutedKinds);
      this.notifier.announce('account.mail.saved');
    } catch (error) {
      this.set(id, before);
      this.notifier.report(describeApiError(error));
    } finally {
      this.busy.set(false);
    }
  }

  private async load(organizationId: OrganizationId): Promise<void> {
    try {
      this.set(organizationId, (await this.api.mailPreferences(organizationId)).mutedKinds);
    } catch (error) {
      this.notifier.report(describeApiError(error));
    }
  }

  private set(organizationId: OrganizationId, muted: NotificationKind[]): void {
    this.organizations.update((all) =>
      all.map((organization) => (organization.membership.organizationId === organizationId ? { ...organization, muted } : organization)),
    );
  }
}
