import type { CurrentMemberValue } from '@kadens/api/organizations';
import { loadWorkflow, policyFor, PostsReader, PostsService } from '@kadens/api/posts';
import type {
  ApprovalProgressView,
  InboxEntry,
  PostRevisionView,
  PostView,
  ReviewPlanView,
  ReviewSummary,
  ReviewView,
  Role,
} from '@kadens/shared/contracts';
import { approvalProgress } from '@kadens/shared/rules';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

import { checklistItems } from '../checklist/checklist.service';
import { withExternalSignOff } from '../external-reviews/external-sign-off';

/** What approvers read: their inbox, and everything about one post under review. */
@Injectable()
export class ReviewService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly posts: PostsService,
  ) {}

  /** Posts in review that the caller may decide on (not their own), soonest due first. */
  async inbox(organizationId: string, member: CurrentMemberValue): Promise<InboxEntry[]> {
    const rows = await new PostsReader(this.db.manager).inReviewFor(organizationId, member.user.id);
    const entries: InboxEntry[] = [];
    for (const row of rows) {
      // The same progress as the review screen's, an outside sign-off by link included.
      const { workflow, policy } = await withExternalSignOff(
        this.db.manager,
        row.id,
        await loadWorkflow(this.db.manager, organizationId, row.id),
        await policyFor(this.db.manager, organizationId, row.channel_ids),
      );
      const progress = approvalProgress(workflow, workflow.approvals, policy);
      entries.push({
        postId: row.id,
        title: row.title,
        plannedAt: row.planned_at?.toISOString() ?? null,
        revision: row.revision,
        authorId: row.author_id,
        authorName: row.author_name,
        sensitive: row.sensitive,
        platforms: row.platforms,
        progress,
        approvedByYou: workflow.approvals.some((a) => a.userId === member.user.id && a.revision === row.revision),
      });
    }
    return entries;
  }

  async summary(organizationId: string, postId: string): Promise<ReviewSummary> {
    const post = await this.posts.get(organizationId, postId);
    const loaded = await loadWorkflow(this.db.manager, organizationId, postId);
    // An outside sign-off by link, when one is asked for, is part of the progress (external-reviews).
    const { workflow, policy } = await withExternalSignOff(
      this.db.manager,
      postId,
      loaded,
      await policyFor(this.db.manager, organizationId, loaded.channelIds),
    );
    const progress: ApprovalProgressView = approvalProgress(workflow, workflow.approvals, policy);
    const reviews: Array<{
      id: string;
      revision: number;
      reviewer_id: string;
      reviewer_name: string;
      reviewer_role: Role;
      decision: ReviewView['decision'];
      comment: string;
      checklist: string[];
      counts: boolean;
      created_at: Date;
    }> = await this.db.query(
      `SELECT r.id, r.revision, r.reviewer_id, u.name AS reviewer_name, r.reviewer_role, r.decision, r.comment, r.checklist, r.counts, r.created_at
         FROM post_reviews r JOIN users u ON u.id = r.reviewer_id WHERE r.post_id = $1 ORDER BY r.created_at DESC`,
      [postId],
    );
    const revisions = await this.posts.revisions(organizationId, postId);
    const [approved]: Array<{ revision: number | null }> = await this.db.query(
      `SELECT max((after->>'revision')::int) AS revision FROM audit_events
        WHERE subject_type = 'post' AND subject_id = $1 AND action = 'post.approve' AND after->>'state' = 'approved'`,
      [postId],
    );
    const find = (revision: number | null | undefined): PostRevisionView | null => revisions.find((r) => r.revision === revision) ?? null;
    return {
      post,
      progress,
      reviews: reviews.map((r) => ({
        id: r.id,
        revision: r.revision,
        reviewerId: r.reviewer_id,
        reviewerName: r.reviewer_name,
        reviewerRole: r.reviewer_role,
        decision: r.decision,
        comment: r.comment,
        checklist: r.checklist,
        counts: r.counts,
        createdAt: r.created_at.toISOString(),
      })),
      currentRevision: find(post.revision) as PostRevisionView,
      lastApprovedRevision: find(approved?.revision),
      timeChange: await this.timeChange(organizationId, post),
      checklist: await checklistItems(this.db.manager, organizationId, false),
      plan: await this.plan(organizationId, post),
    };
  }

  /**
   * The time the last sign-off stood for, against the time now. Moves of an approved post keep its
   * sign-off and leave no entry, so that time is the one the first edit after the approval started
   * from (its audit entry's `before.plannedAt`); later moves and edits only change the time now.
   */
  private async timeChange(organizationId: string, post: PostView): Promise<ReviewSummary['timeChange']> {
    const [edit]: Array<{ planned_at: string | null }> = await this.db.query(
      `SELECT e.before->>'plannedAt' AS planned_at FROM audit_events e
        WHERE e.organization_id = $1 AND e.subject_type = 'post' AND e.subject_id = $2 AND e.action = 'post.edit_content'
          AND e.before->'plannedAt' IS NOT NULL
          AND e.id > (SELECT max(a.id) FROM audit_events a
                       WHERE a.organization_id = $1 AND a.subject_type = 'post' AND a.subject_id = $2
                         AND a.action = 'post.approve' AND a.after->>'state' = 'approved')
        ORDER BY e.id LIMIT 1`,
      [organizationId, post.id],
    );
    if (!edit) return null;
    const approved = edit.planned_at;
    const current = post.plannedAt === null ? null : new Date(post.plannedAt).toISOString();
    return approved === current ? null : { approved, current };
  }

  /** Names rather than ids: an approver may not be allowed to read the strategy pages. */
  private async plan(organizationId: string, post: PostView): Promise<ReviewPlanView> {
    const [[theme], audiences, [contentType]]: [
      Array<{ id: string; name: string; color: string }>,
      Array<{ id: string; name: string }>,
      Array<{ id: string; key: string | null; name: string }>,
    ] = await Promise.all([
      this.db.query(`SELECT id, name, color FROM themes WHERE organization_id = $1 AND id = $2`, [organizationId, post.themeId]),
      this.db.query(`SELECT id, name FROM audiences WHERE organization_id = $1 AND id = ANY($2::uuid[]) ORDER BY name, id`, [
        organizationId,
        post.audienceIds,
      ]),
      this.db.query(`SELECT id, key, name FROM content_types WHERE organization_id = $1 AND id = $2`, [organizationId, post.contentTypeId]),
    ]);
    return {
      theme: theme ?? { id: post.themeId, name: '', color: '' },
      audiences,
      contentType: contentType ?? { id: post.contentTypeId, key: null, name: '' },
    };
  }
}
