import type { ApprovalPolicyView, Role, TargetState } from '@kadens/shared/contracts';
import { type ApprovalPolicy, type PostWorkflow, strictestPolicy } from '@kadens/shared/rules';
import { NotFoundException } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** Loads what the approval machine needs about a post, locking the row for the caller's transaction. */
export async function loadWorkflow(
  tx: EntityManager,
  organizationId: string,
  postId: string,
): Promise<PostWorkflow & { channelIds: string[]; title: string }> {
  const rows: Array<{
    state: PostWorkflow['state'];
    revision: number;
    author_id: string;
    revision_author_id: string;
    sensitive: boolean;
    channel_ids: string[];
    title: string;
  }> = await tx.query(
    `SELECT state, revision, author_id, revision_author_id, sensitive, channel_ids, title FROM posts WHERE organization_id = $1 AND id = $2 FOR UPDATE`,
    [organizationId, postId],
  );
  const row = rows[0];
  if (!row) throw new NotFoundException({ message: 'Post not found', code: 'post_not_found' });
  const approvals: Array<{ reviewer_id: string; reviewer_role: Role; revision: number }> = await tx.query(
    `SELECT reviewer_id, reviewer_role, revision FROM post_reviews WHERE post_id = $1 AND decision = 'approved' AND counts ORDER BY created_at`,
    [postId],
  );
  const targets: Array<{ state: TargetState }> = await tx.query(`SELECT state FROM post_targets WHERE post_id = $1`, [postId]);
  return {
    state: row.state,
    revision: row.revision,
    authorId: row.author_id,
    revisionAuthorId: row.revision_author_id,
    sensitive: row.sensitive,
    approvals: approvals.map((a) => ({ userId: a.reviewer_id, role: a.reviewer_role, revision: a.revision })),
    targetStates: targets.map((t) => t.state),
    channelIds: row.channel_ids,
    title: row.title,
  };
}

export async function organizationPolicy(manager: EntityManager, organizationId: string): Promise<ApprovalPolicyView> {
  const [row]: Array<{ approvals_required: 1 | 2 | 3; admin_approval_required: boolean }> = await manager.query(
    `SELECT approvals_required, admin_approval_required FROM organizations WHERE id = $1`,
    [organizationId],
  );
  return { approvalsRequired: row?.approvals_required ?? 1, adminApprovalRequired: row?.admin_approval_required ?? false };
}

/** The organisation's policy, tightened by every channel the post goes to. */
export async function policyFor(manager: EntityManager, organizationId: string, channelIds: readonly string[]): Promise<ApprovalPolicy> {
  const organization = await organizationPolicy(manager, organizationId);
  const channels: Array<{ approvals_required: 1 | 2 | 3 | null; admin_approval_required: boolean }> = channelIds.length
    ? await manager.query(
        `SELECT approvals_required, admin_approval_required FROM channels WHERE organization_id = $1 AND id = ANY($2::uuid[])`,
        [organizationId, [...channelIds]],
      )
    : [];
  return strictestPolicy(
    { approvalsRequired: organization.approvalsRequired, adminRequired: organization.adminApprovalRequired },
    channels.map((c) => ({
      ...(c.approvals_required ? { approvalsRequired: c.approvals_required } : {}),
      adminRequired: c.admin_approval_required,
    })),
  );
}
