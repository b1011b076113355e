import { ChangeDetectionStrategy, Component, computed, effect, inject, Injector, signal, untracked } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import {
  ATTENTION_REASONS,
  type AttentionItem,
  type AttentionReason,
  type OrganizationId,
  type TargetState,
} from '@kadens/shared/contracts';
import { visibleTargetState } from '@kadens/shared/rules';
import {
  ActiveOrganization,
  ATTENTION_REASON_PARAM,
  COMPOSER,
  describeApiError,
  OrganizationTimeZone,
  type PlanningCatalog,
  PlanningCatalogApi,
  PublishingApi,
  PublishingStream,
  platformSettingsLink,
  QUEUE_DASHBOARD_URL,
  readAttentionReason,
  SessionStore,
} from '@kadens/web/data-access';
import { PlatformBadgeComponent, ProblemNotifier, VisibleStateChipComponent } from '@kadens/web/ui';
import { injectActiveLanguage, ZonedDateTimePipe } from '@kadens/web/util';
import { debounceTime, map } from 'rxjs';

import { PublishingPauses } from '../crisis/publishing-pauses';
import { countKey } from '../shared/count-key';
import type { TargetActionContext } from '../targets/target-action-context';
import { TargetActionsComponent } from '../targets/target-actions.component';
import { countByReason, groupByReason } from './attention-reasons';

/** Target events come in bursts; the list is loaded once a burst settles. */
const LIVE_RELOAD_MS = 300;

interface AttentionRow extends AttentionItem {
  context: TargetActionContext;
  attemptsKey: string;
}

/**
 * The needs-attention list: every target that did not go out as planned and needs a person, grouped
 * by why (failed, unconfirmed, expired, held, reconnect needed), each reason explained, with the
 * actions the server offers. The held list is this page filtered by `?reason=held`. It follows the
 * live stream, so a target that is dealt with anywhere leaves the list.
 */
@Component({
  selector: 'kd-attention-page',
  imports: [
    MatButtonModule,
    MatButtonToggleModule,
    MatProgressBarModule,
    TranslocoPipe,
    PlatformBadgeComponent,
    RouterLink,
    TargetActionsComponent,
    VisibleStateChipComponent,
    ZonedDateTimePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './attention-page.component.html',
  styleUrl: './attention-page.component.scss',
})
export class AttentionPageComponent {
  private readonly api = inject(PublishingApi);
  private readonly stream = inject(PublishingStream);
  private readonly pauses = inject(PublishingPauses);
  private readonly catalogApi = inject(PlanningCatalogApi);
  private readonly composer = inject(COMPOSER);
  private readonly activeOrganization = inject(ActiveOrganization);
  private readonly notifier = inject(ProblemNotifier);
  private readonly route = inject(ActivatedRoute);
  private readonly router = inject(Router);
  private readonly injector = inject(Injector);

  protected readonly language = injectActiveLanguage();
  protected readonly timeZone = inject(OrganizationTimeZone).timeZone;
  protected readonly reasons = ATTENTION_REASONS;
  protected readonly queueDashboardUrl = QUEUE_DASHBOARD_URL;
  /** Which platforms this installation can sign in with: the operators' page in settings. */
  protected readonly platformSettingsLink = platformSettingsLink;
  /** The queue dashboard shows every organisation's jobs: the installation's operators alone get it. */
  protected readonly isOperator = inject(SessionStore).isOperator;
  protected readonly organizationId = this.activeOrganization.organizationId;
  protected readonly canPause = computed(() => this.activeOrganization.can('publishing.pause'));
  protected readonly organizationPaused = computed(() => this.stream.status()?.organization != null);
  protected readonly streamDown = computed(() => this.stream.connection() === 'down');

  protected readonly reason = toSignal(
    this.route.queryParamMap.pipe(map((params) => readAttentionReason(params.get(ATTENTION_REASON_PARAM)))),
    {
      initialValue: null,
    },
  );
  private readonly items = signal<AttentionItem[]>([]);
  protected readonly loading = signal(false);
  protected readonly loaded = signal(false);
  protected readonly opening = signal(false);
  private catalog: PlanningCatalog | null = null;
  private loadSequence = 0;

  protected readonly counts = computed(() => countByReason(this.items()));
  protected readonly total = computed(() => this.items().length);
  protected readonly groups = computed(() => {
    const organizationId = this.organizationId() ?? '';
    const timeZone = this.timeZone();
    const rows = this.items().map<AttentionRow>((item) => ({
      ...item,
      attemptsKey: countKey('publishing.attention.attempts', item.attempts),
      context: {
        organizationId,
        targetId: item.targetId,
        postTitle: item.postTitle,
        channelName: item.channelName,
        state: item.state,
        plannedAt: item.plannedAt,
        timeZone,
      },
    }));
    return groupByReason(rows, this.reason());
  });

  constructor() {
    effect(() => {
      const organizationId = this.organizationId();
      untracked(() => {
        this.catalog = null;
        if (organizationId) void this.load(organizationId);
      });
    });
    this.stream.targetChanges$.pipe(debounceTime(LIVE_RELOAD_MS), takeUntilDestroyed()).subscribe(() => this.reload());
    this.stream.resynced$.pipe(takeUntilDestroyed()).subscribe(() => this.reload());
  }

  protected showReason(reason: AttentionReason | ''): void {
    void this.router.navigate([], { relativeTo: this.route, queryParams: { [ATTENTION_REASON_PARAM]: reason || null } });
  }

  protected reload(): void {
    const organizationId = this.organizationId();
    if (organizationId) void this.load(organizationId);
  }

  protected pausePublishing(): void {
    const organizationId = this.organizationId();
    if (organizationId) void this.pauses.pause(organizationId, this.injector);
  }

  /** Opens the post in the composer, as the calendar does; whatever changed there shows here after. */
  protected async openPost(postId: string): Promise<void> {
    const organizationId = this.organizationId();
    if (!organizationId || this.opening()) return;
    this.opening.set(true);
    try {
      this.catalog ??= await this.catalogApi.load(organizationId);
      this.opening.set(false);
      const result = await this.composer.open({ catalog: this.catalog, postId }, this.injector);
      if (result) this.reload();
    } catch (error) {
      this.notifier.report(describeApiError(error));
    } finally {
      this.opening.set(false);
    }
  }

  private async load(organizationId: OrganizationId): Promise<void> {
    const sequence = ++this.loadSequence;
    this.loading.set(true);
    try {
      const items = await this.api.attention(organizationId);
      if (sequence !== this.loadSequence) return;
      this.items.set(items);
      this.loaded.set(true);
    } catch (error) {
      if (sequence === this.loadSequence) this.notifier.report(describeApiError(error));
    } finally {
      if (sequence === this.loadSequence) this.loading.set(false);
    }
  }

  /** Everything listed here belongs to an approved post (an expired target says so itself). */
  protected shownState(state: TargetState) {
    return visibleTargetState('approved', state);
  }
}
