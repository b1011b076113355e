import type { ApprovalPolicy, PostWorkflow, RecordedApproval } from '@kadens/shared/rules';
import type { EntityManager } from 'typeorm';

/**
 * The per-post external sign-off: required while the post has a live (not revoked, not replaced)
 * external review; the outside approval counts when it was given to the current revision and no
 * request for changes came after it. Added to what loadWorkflow/policyFor read, for the machine.
 */
export async function withExternalSignOff<T extends PostWorkflow>(
  manager: EntityManager,
  postId: string,
  workflow: T,
  policy: ApprovalPolicy,
): Promise<{ workflow: T; policy: ApprovalPolicy }> {
  const [live]: Array<{ id: string; revision: number; decision: string | null; superseded: boolean }> = await manager.query(
    `SELECT x.id, x.revision, x.decision,
            EXISTS (SELECT 1 FROM post_reviews r WHERE r.post_id = x.post_id AND r.decision = 'changes_requested' AND r.created_at > x.decided_at) AS superseded
       FROM external_reviews x WHERE x.post_id = $1 AND x.revoked_at IS NULL`,
    [postId],
  );
  if (!live) return { workflow, policy };
  const approval: RecordedApproval[] =
    live.decision === 'approved' && live.revision === workflow.revision && !live.superseded
      ? [{ userId: live.id, role: 'approver', revision: live.revision, external: true }]
      : [];
  return { workflow: { ...workflow, approvals: [...workflow.approvals, ...approval] }, policy: { ...policy, externalRequired: true } };
}
