import { NgComponentOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, effect, inject, input, untracked } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { DELIVERY_STARTED_STATES, visiblePostState } from '@kadens/shared/rules';
import { ActiveOrganization, approvalsInboxLink, type DeliveryContext, POST_DELIVERY_PANEL } from '@kadens/web/data-access';
import { VisibleStateChipComponent } from '@kadens/web/ui';
import { injectActiveLanguage, ZonedDateTimePipe } from '@kadens/web/util';

import { ExternalReviewPanelComponent } from '../external-review/external-review-panel.component';
import { PostHistoryComponent } from '../history/post-history.component';
import { describeProgress } from '../inbox/approval-progress';
import { TextOrKeyPipe } from '../shared/text-or-key.pipe';
import { AuthorActionsComponent } from './author-actions.component';
import { ChannelTextsComponent } from './channel-texts.component';
import { ReviewMediaComponent } from './review-media.component';
import { CommentThreadComponent } from './comment-thread.component';
import { PostViolationsComponent } from './post-violations.component';
import { ReviewDecisionComponent } from './review-decision.component';
import { ReviewListComponent } from './review-list.component';
import { ReviewPlanComponent } from './review-plan.component';
import { ReviewStore } from './review.store';
import { RevisionDiffComponent } from './revision-diff.component';

/**
 * One post under review: its text per channel, what changed since it was last approved, the rules its
 * time breaks, the decision with the checklist, the conversation and the history.
 */
@Component({
  selector: 'kd-review-page',
  imports: [
    MatButtonModule,
    MatCardModule,
    MatProgressBarModule,
    RouterLink,
    TranslocoPipe,
    NgComponentOutlet,
    VisibleStateChipComponent,
    AuthorActionsComponent,
    ChannelTextsComponent,
    ReviewMediaComponent,
    CommentThreadComponent,
    ExternalReviewPanelComponent,
    PostHistoryComponent,
    PostViolationsComponent,
    ReviewDecisionComponent,
    ReviewListComponent,
    ReviewPlanComponent,
    RevisionDiffComponent,
    TextOrKeyPipe,
    ZonedDateTimePipe,
  ],
  providers: [ReviewStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './review-page.component.html',
  styleUrl: './review-page.component.scss',
})
export class ReviewPageComponent {
  protected readonly store = inject(ReviewStore);
  private readonly activeOrganization = inject(ActiveOrganization);

  /** The `:postId` route parameter, bound by the router. */
  readonly postId = input.required<string>();

  protected readonly language = injectActiveLanguage();
  protected readonly summary = this.store.summary;
  protected readonly post = computed(() => this.summary()?.post ?? null);
  protected readonly deliveryPanel = inject(POST_DELIVERY_PANEL);
  protected readonly visibleState = computed(() => {
    const post = this.post();
    return post
      ? visiblePostState(
          post.state,
          post.targets.map((target) => target.state),
        )
      : null;
  });
  /** Once a channel has started publishing the post is history: no edit, no cancel (the API refuses both). */
  protected readonly delivered = computed(
    () => this.post()?.targets.some((target) => DELIVERY_STARTED_STATES.includes(target.state)) ?? false,
  );
  /** A signed-off post has a delivery to show. */
  protected readonly hasDelivery = computed(() => this.post()?.targets.some((target) => target.state !== 'pending') ?? false);
  protected readonly deliveryContext = computed<DeliveryContext | null>(() => {
    const organizationId = this.activeOrganization.organizationId();
    const timeZone = this.store.timeZone();
    return organizationId && timeZone ? { organizationId, timeZone, channels: this.store.channels() } : null;
  });
  protected readonly progress = computed(() => {
    const summary = this.summary();
    return summary ? describeProgress(summary.progress) : [];
  });
  protected readonly showDecision = computed(() => {
    const actions = this.store.actions();
    return (
      actions.requestChanges ||
      actions.approveRefusal === null ||
      actions.approveRefusal === 'own_post' ||
      actions.approveRefusal === 'already_approved'
    );
  });
  protected readonly showAuthorActions = computed(() => {
    const actions = this.store.actions();
    return !this.delivered() && (actions.submit || actions.edit || actions.cancel);
  });
  protected readonly activeOrganizationId = this.activeOrganization.organizationId;
  protected readonly inboxLink = computed(() => approvalsInboxLink(this.activeOrganization.organizationId() ?? ''));

  constructor() {
    effect(() => {
      const organizationId = this.activeOrganization.organizationId();
      const postId = this.postId();
      untracked(() => {
        if (organizationId) void this.store.load(organizationId, postId);
      });
    });
  }
}
