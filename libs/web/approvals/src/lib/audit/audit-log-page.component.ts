import { ChangeDetectionStrategy, Component, computed, effect, inject, signal, untracked } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import type { AuditEventView, MemberView, OrganizationId } from '@kadens/shared/contracts';
import {
  ActiveOrganization,
  approvalsInboxLink,
  ApprovalsApi,
  describeApiError,
  OrganizationsApi,
  OrganizationTimeZone,
  reviewLink,
} from '@kadens/web/data-access';
import { ProblemNotifier } from '@kadens/web/ui';
import { injectActiveLanguage, ZonedDateTimePipe } from '@kadens/web/util';

import { TextOrKeyPipe } from '../shared/text-or-key.pipe';
import { describeOrganizationEvent } from './organization-event-wording';

const PAGE_SIZE = 50;

/** The organisation's audit log for admins, newest first: who did what, when, and why. */
@Component({
  selector: 'kd-audit-log-page',
  imports: [MatButtonModule, MatProgressBarModule, RouterLink, TranslocoPipe, TextOrKeyPipe, ZonedDateTimePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './audit-log-page.component.html',
  styleUrl: './audit-log-page.component.scss',
})
export class AuditLogPageComponent {
  private readonly api = inject(ApprovalsApi);
  private readonly organizations = inject(OrganizationsApi);
  private readonly activeOrganization = inject(ActiveOrganization);
  private readonly notifier = inject(ProblemNotifier);

  protected readonly language = injectActiveLanguage();
  protected readonly organizationId = this.activeOrganization.organizationId;
  private readonly organizationTimeZone = inject(OrganizationTimeZone);
  protected readonly timeZone = this.organizationTimeZone.timeZone;
  protected readonly events = signal<AuditEventView[]>([]);
  protected readonly members = signal<MemberView[]>([]);
  protected readonly loading = signal(false);
  /** The last page was full, so there may be older events. */
  protected readonly more = signal(false);
  protected readonly inboxLink = computed(() => approvalsInboxLink(this.organizationId() ?? ''));
  protected readonly lines = computed(() => {
    const names = new Map(this.members().map((member) => [member.userId, member.name]));
    const organizationId = this.organizationId() ?? '';
    return this.events().map((event) => ({
      id: event.id,
      action: event.action,
      createdAt: event.createdAt,
      postLink: event.subjectType === 'post' && event.subjectId ? reviewLink(organizationId, event.subjectId) : null,
      ...describeOrganizationEvent(event, (userId) => (userId ? (names.get(userId) ?? null) : null)),
    }));
  });

  constructor() {
    effect(() => {
      const organizationId = this.organizationId();
      untracked(() => {
        if (organizationId) void this.load(organizationId);
      });
    });
  }

  protected async loadOlder(): Promise<void> {
    const organizationId = this.organizationId();
    const oldest = this.events().at(-1);
    if (!organizationId || !oldest || this.loading()) return;
    await this.run(organizationId, async () => {
      const older = await this.api.audit(organizationId, { before: oldest.createdAt, limit: PAGE_SIZE });
      this.events.update((events) => [...events, ...older.filter((event) => !events.some((known) => known.id === event.id))]);
      this.more.set(older.length === PAGE_SIZE);
    });
  }

  private async load(organizationId: OrganizationId): Promise<void> {
    await this.run(organizationId, async () => {
      const [, members, events] = await Promise.all([
        this.organizationTimeZone.refresh(organizationId),
        this.organizations.listMembers(organizationId),
        this.api.audit(organizationId, { limit: PAGE_SIZE }),
      ]);
      if (this.organizationId() !== organizationId) return;
      this.members.set(members);
      this.events.set(events);
      this.more.set(events.length === PAGE_SIZE);
    });
  }

  private async run(organizationId: OrganizationId, work: () => Promise<void>): Promise<void> {
    this.loading.set(true);
    try {
      await work();
    } catch (error) {
      if (this.organizationId() === organizationId) this.notifier.report(describeApiError(error));
    } finally {
      this.loading.set(false);
    }
  }
}
