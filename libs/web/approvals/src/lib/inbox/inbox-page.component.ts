import { ChangeDetectionStrategy, Component, computed, effect, inject, signal, untracked } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import type { CalendarEntry, InboxEntry, OrganizationId } from '@kadens/shared/contracts';
import { visiblePostState } from '@kadens/shared/rules';
import {
  ActiveOrganization,
  ApprovalsApi,
  approvalSettingsLink,
  auditLogLink,
  CalendarApi,
  describeApiError,
  OrganizationTimeZone,
  reviewLink,
} from '@kadens/web/data-access';
import { PlatformBadgeComponent, ProblemNotifier, VisibleStateChipComponent } from '@kadens/web/ui';
import { injectActiveLanguage, ZonedDateTimePipe } from '@kadens/web/util';

import { knownPlatforms } from '../shared/platforms';
import { TextOrKeyPipe } from '../shared/text-or-key.pipe';
import { describeProgress } from './approval-progress';

/** How far ahead the list of posts on their way to sign-off looks. */
const PIPELINE_DAYS = 365;

/** Soonest due first; posts without a time last, as the API orders them. */
function bySoonestDue(a: { plannedAt: string | null }, b: { plannedAt: string | null }): number {
  if (a.plannedAt === b.plannedAt) return 0;
  if (a.plannedAt === null) return 1;
  if (b.plannedAt === null) return -1;
  return Date.parse(a.plannedAt) - Date.parse(b.plannedAt);
}

/**
 * The approvals area: posts waiting for the reader's approval (approvers and admins), and every post
 * still on its way to sign-off, so an editor finds theirs to submit or rework.
 */
@Component({
  selector: 'kd-inbox-page',
  imports: [
    MatButtonModule,
    MatProgressBarModule,
    RouterLink,
    TranslocoPipe,
    PlatformBadgeComponent,
    VisibleStateChipComponent,
    TextOrKeyPipe,
    ZonedDateTimePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './inbox-page.component.html',
  styleUrl: './inbox-page.component.scss',
})
export class InboxPageComponent {
  private readonly approvals = inject(ApprovalsApi);
  private readonly calendar = inject(CalendarApi);
  private readonly organizationTimeZone = inject(OrganizationTimeZone);
  private readonly activeOrganization = inject(ActiveOrganization);
  private readonly notifier = inject(ProblemNotifier);

  protected readonly language = injectActiveLanguage();
  protected readonly organizationId = this.activeOrganization.organizationId;
  protected readonly canApprove = computed(() => this.activeOrganization.can('posts.approve'));
  protected readonly canConfigure = computed(() => this.activeOrganization.can('organization.update'));
  protected readonly canReadAudit = computed(() => this.activeOrganization.can('audit.read'));
  protected readonly loading = signal(false);
  protected readonly timeZone = this.organizationTimeZone.timeZone;
  protected readonly entries = signal<InboxEntry[]>([]);
  protected readonly pipeline = signal<CalendarEntry[]>([]);

  protected readonly describeProgress = describeProgress;
  protected readonly knownPlatforms = knownPlatforms;
  protected readonly shownState = (entry: CalendarEntry) =>
    visiblePostState(
      entry.state,
      entry.targets.map((target) => target.state),
    );

  constructor() {
    effect(() => {
      const organizationId = this.organizationId();
      untracked(() => {
        if (organizationId) void this.load(organizationId);
      });
    });
  }

  protected reviewLink(postId: string): string[] {
    return reviewLink(this.organizationId() ?? '', postId);
  }

  protected settingsLink(): string[] {
    return approvalSettingsLink(this.organizationId() ?? '');
  }

  protected auditLink(): string[] {
    return auditLogLink(this.organizationId() ?? '');
  }

  private async load(organizationId: OrganizationId): Promise<void> {
    this.loading.set(true);
    const now = Date.now();
    try {
      const [, entries, pipeline] = await Promise.all([
        this.organizationTimeZone.refresh(organizationId),
        this.canApprove() ? this.approvals.inbox(organizationId) : Promise.resolve([]),
        this.calendar.entries(organizationId, {
          from: new Date(now).toISOString(),
          to: new Date(now + PIPELINE_DAYS * 86_400_000).toISOString(),
          states: ['draft', 'in_review', 'changes_requested'],
        }),
      ]);
      if (this.organizationId() !== organizationId) return;
      this.entries.set([...entries].sort(bySoonestDue));
      const waiting = new Set(entries.map((entry) => entry.postId));
      this.pipeline.set(pipeline.filter((entry) => !waiting.has(entry.id)).sort(bySoonestDue));
    } catch (error) {
      this.notifier.report(describeApiError(error));
    } finally {
      this.loading.set(false);
    }
  }
}
