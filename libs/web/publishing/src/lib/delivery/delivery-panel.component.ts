import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { provideTranslocoScope, TranslocoPipe } from '@jsverse/transloco';
import type { AttentionAction, Platform, PostView, TargetDelivery } from '@kadens/shared/contracts';
import { visibleTargetState, type VisibleState } from '@kadens/shared/rules';
import { type DeliveryContext, PublishingApi, PublishingStream } from '@kadens/web/data-access';
import { PLATFORM_NAMES, PlatformBadgeComponent, VisibleStateChipComponent } from '@kadens/web/ui';
import { injectActiveLanguage, ZonedDateTimePipe } from '@kadens/web/util';
import { debounceTime, filter } from 'rxjs';

import { PUBLISHING_SCOPE } from '../i18n/publishing-scope';
import { countKey } from '../shared/count-key';
import { describePublishingProblem, type PublishingProblem } from '../shared/publishing-problem';
import { PublishingProblemComponent } from '../shared/publishing-problem.component';
import type { TargetActionContext } from '../targets/target-action-context';
import { TargetActionsComponent } from '../targets/target-actions.component';
import { AttemptHistoryComponent } from './attempt-history.component';
import { TargetResultsComponent } from './results/target-results.component';

/** Target events come in bursts; the deliveries are read again once a burst settles. */
const LIVE_RELOAD_MS = 300;

interface DeliveryRow extends TargetDelivery {
  channelName: string;
  platform: Platform | null;
  platformName: string;
  /** The state as shown everywhere (a scheduled target of an approved post reads "approved"). */
  shownState: VisibleState;
  attemptsKey: string;
  actions: AttentionAction[];
  context: TargetActionContext;
}

/**
 * The post's delivery, per channel: how it stands, the published link, the last error and the next
 * try, the attempts (opened on demand), and what a person can do about a target that needs one
 * (the same actions as the needs-attention list). Embedded by the composer; follows the live stream.
 */
@Component({
  selector: 'kd-delivery-panel',
  imports: [
    MatButtonModule,
    MatProgressBarModule,
    TranslocoPipe,
    PlatformBadgeComponent,
    AttemptHistoryComponent,
    PublishingProblemComponent,
    TargetActionsComponent,
    TargetResultsComponent,
    VisibleStateChipComponent,
    ZonedDateTimePipe,
  ],
  providers: [provideTranslocoScope(PUBLISHING_SCOPE)],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './delivery-panel.component.html',
  styleUrl: './delivery-panel.component.scss',
})
export class DeliveryPanelComponent {
  private readonly api = inject(PublishingApi);
  private readonly stream = inject(PublishingStream);
  protected readonly language = injectActiveLanguage();

  /** The post as the composer or the review page has it (the inputs POST_DELIVERY_PANEL promises). */
  readonly post = input.required<PostView>();
  readonly catalog = input.required<DeliveryContext>();

  private readonly deliveries = signal<TargetDelivery[]>([]);
  /** The actions the needs-attention list offers, per target. */
  private readonly actionsByTarget = signal<ReadonlyMap<string, AttentionAction[]>>(new Map());
  protected readonly loading = signal(false);
  protected readonly problem = signal<PublishingProblem | null>(null);
  protected readonly expanded = signal<ReadonlySet<string>>(new Set());
  /** Published targets whose results are open. */
  protected readonly resultsOpen = signal<ReadonlySet<string>>(new Set());
  private sequence = 0;

  private readonly postId = computed(() => this.post().id);
  protected readonly timeZone = computed(() => this.catalog().timeZone);
  protected readonly rows = computed<DeliveryRow[]>(() => {
    const catalog = this.catalog();
    const post = this.post();
    const actions = this.actionsByTarget();
    return this.deliveries().map((delivery) => {
      const channel = catalog.channels.find((candidate) => candidate.id === delivery.channelId);
      return {
        ...delivery,
        channelName: channel?.name ?? '',
        platform: channel?.platform ?? null,
        platformName: channel ? PLATFORM_NAMES[channel.platform] : '',
        shownState: visibleTargetState(post.state, delivery.state),
        attemptsKey: countKey('publishing.delivery.attempts', delivery.attempts),
        actions: actions.get(delivery.targetId) ?? [],
        context: {
          organizationId: catalog.organizationId,
          targetId: delivery.targetId,
          postTitle: post.title,
          channelName: channel?.name ?? '',
          state: delivery.state,
          plannedAt: post.plannedAt,
          timeZone: catalog.timeZone,
        },
      };
    });
  });

  constructor() {
    // A save in the composer hands in a new post object: the deliveries are read again only for another post.
    effect(() => {
      this.postId();
      this.catalog();
      untracked(() => void this.load());
    });
    const changes = this.stream.targetChanges$.pipe(
      filter((change) => change.postId === this.postId()),
      takeUntilDestroyed(),
    );
    // The chip moves at once; the link, error and attempts follow when the burst settles.
    changes.subscribe((change) =>
      this.deliveries.update((deliveries) =>
        deliveries.map((delivery) => (delivery.targetId === change.targetId ? { ...delivery, state: change.state } : delivery)),
      ),
    );
    changes.pipe(debounceTime(LIVE_RELOAD_MS)).subscribe(() => void this.load());
    this.stream.resynced$.pipe(takeUntilDestroyed()).subscribe(() => void this.load());
  }

  protected toggleAttempts(targetId: string): void {
    this.expanded.update((expanded) => toggled(expanded, targetId));
  }

  protected toggleResults(targetId: string): void {
    this.resultsOpen.update((open) => toggled(open, targetId));
  }

  protected async load(): Promise<void> {
    const { organizationId } = this.catalog();
    const postId = this.postId();
    const sequence = ++this.sequence;
    this.loading.set(true);
    this.problem.set(null);
    try {
      const [deliveries, attention] = await Promise.all([
        this.api.deliveries(organizationId, postId),
        // Without the list the panel still shows how delivery stands, only without actions.
        this.api.attention(organizationId).catch(() => []),
      ]);
      if (sequence !== this.sequence) return;
      this.deliveries.set(deliveries);
      this.actionsByTarget.set(new Map(attention.filter((item) => item.postId === postId).map((item) => [item.targetId, item.actions])));
    } catch (error) {
      if (sequence === this.sequence) this.problem.set(describePublishingProblem(error));
    } finally {
      if (sequence === this.sequence) this.loading.set(false);
    }
  }
}

function toggled(set: ReadonlySet<string>, id: string): ReadonlySet<string> {
  const next = new Set(set);
  if (!next.delete(id)) next.add(id);
  return next;
}
