import { computed, inject, Injectable, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import type {
  AuditEventView,
  ChannelView,
  CommentView,
  MemberView,
  OrganizationId,
  ReviewSummary,
  Violation,
} from '@kadens/shared/contracts';
import {
  ActiveOrganization,
  ApprovalsApi,
  ChannelsApi,
  OrganizationsApi,
  OrganizationTimeZone,
  PublishingStream,
  SessionStore,
  ViolationsApi,
} from '@kadens/web/data-access';
import { ProblemNotifier } from '@kadens/web/ui';
import { VIOLATION_WINDOW_MS, violationsOfPost } from '@kadens/web/util';

import { type ReviewActions, reviewActions } from './review-actions';
import { describeReviewProblem, type ReviewProblem } from './review-problem';

const NO_ACTIONS: ReviewActions = {
  submit: false,
  cancel: false,
  edit: false,
  requestChanges: false,
  approveRefusal: 'role_lacks_permission',
};

/**
 * Everything the review screen shows about one post, and the decisions taken on it. After each
 * decision the post is read again, so the screen never shows a state the server does not have.
 */
@Injectable()
export class ReviewStore {
  private readonly approvals = inject(ApprovalsApi);
  private readonly organizations = inject(OrganizationsApi);
  private readonly channelsApi = inject(ChannelsApi);
  private readonly violationsApi = inject(ViolationsApi);
  private readonly session = inject(SessionStore);
  private readonly activeOrganization = inject(ActiveOrganization);
  private readonly notifier = inject(ProblemNotifier);
  private subject: { organizationId: OrganizationId; postId: string } | null = null;

  readonly summary = signal<ReviewSummary | null>(null);
  readonly comments = signal<CommentView[]>([]);
  readonly history = signal<AuditEventView[]>([]);
  readonly violations = signal<Violation[]>([]);
  readonly channels = signal<ChannelView[]>([]);
  readonly members = signal<MemberView[]>([]);
  private readonly organizationTimeZone = inject(OrganizationTimeZone);
  readonly timeZone = this.organizationTimeZone.timeZone;
  readonly loading = signal(false);
  /** A decision or comment is on its way. */
  readonly busy = signal(false);
  readonly problem = signal<ReviewProblem | null>(null);

  readonly actions = computed<ReviewActions>(() => {
    const summary = this.summary();
    const user = this.session.user();
    const role = this.activeOrganization.role();
    return summary && user && role ? reviewActions(summary, { userId: user.id, role }) : NO_ACTIONS;
  });
  readonly authorName = computed(() => {
    const authorId = this.summary()?.post.authorId;
    return this.members().find((member) => member.userId === authorId)?.name ?? null;
  });

  constructor() {
    // Delivery moves on while the page is open: the post's targets follow the live stream.
    const stream = inject(PublishingStream);
    stream.targetChanges$.pipe(takeUntilDestroyed()).subscribe((change) => {
      const summary = this.summary();
      if (summary?.post.id !== change.postId) return;
      const targets = summary.post.targets.map((target) => (target.id === change.targetId ? { ...target, state: change.state } : target));
      this.summary.set({ ...summary, post: { ...summary.post, targets } });
    });
    stream.resynced$.pipe(takeUntilDestroyed()).subscribe(() => void this.refresh().catch(() => undefined));
  }

  async load(organizationId: OrganizationId, postId: string): Promise<void> {
    if (this.subject?.postId !== postId || this.subject.organizationId !== organizationId) this.clear();
    this.subject = { organizationId, postId };
    this.problem.set(null);
    this.loading.set(true);
    try {
      const [, channels, members] = await Promise.all([
        this.organizationTimeZone.refresh(organizationId),
        this.channelsApi.list(organizationId),
        this.organizations.listMembers(organizationId),
      ]);
      if (!this.isCurrent(organizationId, postId)) return;
      this.channels.set(channels);
      this.members.set(members);
      await this.refresh();
    } catch (error) {
      if (this.isCurrent(organizationId, postId)) this.problem.set(describeReviewProblem(error));
    } finally {
      this.loading.set(false);
    }
  }

  /** Reads the post, its conversation, history and broken rules again. */
  async refresh(): Promise<void> {
    const subject = this.subject;
    if (!subject) return;
    const { organizationId, postId } = subject;
    const [summary, comments, history] = await Promise.all([
      this.approvals.review(organizationId, postId),
      this.approvals.comments(organizationId, postId),
      this.approvals.history(organizationId, postId),
    ]);
    if (!this.isCurrent(organizationId, postId)) return;
    this.summary.set(summary);
    this.comments.set(comments);
    this.history.set(history);
    this.violations.set(await this.loadViolations(organizationId, summary));
  }

  /** After "the post changed since you opened it": start again from what the server has. */
  async reload(): Promise<void> {
    this.problem.set(null);
    this.loading.set(true);
    try {
      await this.refresh();
    } catch (error) {
      this.problem.set(describeReviewProblem(error));
    } finally {
      this.loading.set(false);
    }
  }

  approve(checklist: string[], comment: string): Promise<boolean> {
    return this.decide('approvals.review.approved', (o, p, revision) =>
      this.approvals.approve(o, p, { revision, checklist, ...(comment.trim() ? { comment: comment.trim() } : {}) }),
    );
  }

  requestChanges(comment: string): Promise<boolean> {
    return this.decide('approvals.review.changesRequested', (o, p, revision) =>
      this.approvals.requestChanges(o, p, { revision, comment: comment.trim() }),
    );
  }

  submit(): Promise<boolean> {
    return this.decide('approvals.review.submitted', (o, p) => this.approvals.submit(o, p));
  }

  cancel(reason: string): Promise<boolean> {
    return this.decide('approvals.review.cancelled', (o, p) => this.approvals.cancel(o, p, reason));
  }

  addComment(body: string): Promise<boolean> {
    return this.decide('approvals.comments.sent', (o, p) => this.approvals.addComment(o, p, body.trim()));
  }

  private async decide(
    doneKey: string,
    send: (organizationId: OrganizationId, postId: string, revision: number) => Promise<unknown>,
  ): Promise<boolean> {
    const subject = this.subject;
    const revision = this.summary()?.post.revision;
    if (!subject || revision === undefined || this.busy()) return false;
    this.busy.set(true);
    this.problem.set(null);
    try {
      await send(subject.organizationId, subject.postId, revision);
      this.notifier.announce(doneKey, { title: this.summary()?.post.title ?? '' });
      await this.refresh();
      return true;
    } catch (error) {
      this.problem.set(describeReviewProblem(error));
      return false;
    } finally {
      this.busy.set(false);
    }
  }

  private async loadViolations(organizationId: OrganizationId, summary: ReviewSummary): Promise<Violation[]> {
    const { post } = summary;
    const timeZone = this.timeZone();
    if (!post.plannedAt || !timeZone || post.targets.length === 0) return [];
    const at = Date.parse(post.plannedAt);
    try {
      const violations = await this.violationsApi.list(organizationId, {
        from: new Date(at - VIOLATION_WINDOW_MS).toISOString(),
        to: new Date(at + VIOLATION_WINDOW_MS).toISOString(),
        channelIds: post.targets.map((target) => target.channelId),
      });
      return violationsOfPost(violations, post.id, post.plannedAt, timeZone);
    } catch {
      // The rules are advice on this screen; the post itself still loads without them.
      return [];
    }
  }

  private clear(): void {
    this.summary.set(null);
    this.comments.set([]);
    this.history.set([]);
    this.violations.set([]);
  }

  private isCurrent(organizationId: OrganizationId, postId: string): boolean {
    return this.subject?.organizationId === organizationId && this.subject.postId === postId;
  }
}
