import type { CurrentMemberValue } from '@kadens/api/organizations';
import { denialError, loadWorkflow, policyFor, PostsService, WorkflowWriter } from '@kadens/api/posts';
import type { PostView } from '@kadens/shared/contracts';
import { decidePostAction, type PostActionRequest } from '@kadens/shared/rules';
import { imagesWithoutAltText } from '@kadens/shared/platform-rules';
import { BadRequestException, Injectable, UnprocessableEntityException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';

import { withExternalSignOff } from '../external-reviews/external-sign-off';

type Decided =
  | { type: 'submit' }
  | { type: 'cancel'; reason?: string }
  | { type: 'approve'; revision: number; checklist: string[]; comment?: string }
  | { type: 'request_changes'; revision: number; comment: string };

/**
 * Every workflow decision on a post. The post row is locked for the transaction, so two approvers
 * deciding at the same moment are applied one after the other: both approvals are recorded once,
 * and the second sees the first when counting.
 */
@Injectable()
export class DecisionsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly workflow: WorkflowWriter,
    private readonly posts: PostsService,
  ) {}

  decide(organizationId: string, postId: string, member: CurrentMemberValue, request: Decided): Promise<PostView> {
    return this.db.transaction(async (tx) => {
      const loaded = await loadWorkflow(tx, organizationId, postId);
      // A live external review makes the outside sign-off required and its approval count (external-reviews).
      const { workflow: before, policy } = await withExternalSignOff(
        tx,
        postId,
        loaded,
        await policyFor(tx, organizationId, loaded.channelIds),
      );
      const machineRequest: PostActionRequest =
        request.type === 'approve'
          ? {
              type: 'approve',
              revision: request.revision,
              checklistComplete: await this.checklistComplete(tx, organizationId, request.checklist),
            }
          : request.type === 'request_changes'
            ? { type: 'request_changes', revision: request.revision }
            : { type: request.type };
      const actor = { userId: member.user.id, role: member.role };
      const decision = decidePostAction(before, machineRequest, actor, policy);
      if (!decision.ok) throw denialError(decision.reason);
      if (request.type === 'submit') await this.assertImagesDescribed(tx, organizationId, postId);
      if (request.type === 'approve' || request.type === 'request_changes') {
        await tx.query(
          `INSERT INTO post_reviews (organization_id, post_id, revision, reviewer_id, reviewer_role, decision, comment, checklist, counts)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
          [
            organizationId,
            postId,
            before.revision,
            member.user.id,
            member.role,
            request.type === 'approve' ? 'approved' : 'changes_requested',
            request.comment ?? '',
            JSON.stringify(request.type === 'approve' ? request.checklist : []),
            request.type === 'approve',
          ],
        );
      }
      await this.workflow.apply(tx, {
        organizationId,
        postId,
        action: request.type,
        actor,
        before,
        change: decision.next,
        reason: request.type === 'cancel' ? request.reason : request.type === 'request_changes' ? request.comment : null,
      });
      return this.posts.get(organizationId, postId, tx);
    });
  }

  /** Every image needs a text alternative before anyone is asked to approve the post (422 naming each image). */
  private async assertImagesDescribed(tx: EntityManager, organizationId: string, postId: string): Promise<void> {
    const { media } = await this.posts.get(organizationId, postId, tx);
    const missing = imagesWithoutAltText(media);
    if (missing.length === 0) return;
    const errors = missing.map((medium) => ({
      field: `mediaIds.${media.indexOf(medium)}`,
      mediaId: medium.id,
      messages: [`the image “${medium.fileName}” needs a text alternative (alt text)`],
    }));
    throw new UnprocessableEntityException({
      message: errors.map((e) => `${e.field}: ${e.messages.join('; ')}`).join(' | '),
      code: 'alt_text_required',
      errors,
    });
  }

  /** Every required, active item ticked; an id that is not this organisation's item is a 400. */
  private async checklistComplete(tx: EntityManager, organizationId: string, ticked: readonly string[]): Promise<boolean> {
    const items: Array<{ id: string; required: boolean; archived_at: Date | null }> = await tx.query(
      `SELECT id, required, archived_at FROM checklist_items WHERE organization_id = $1`,
      [organizationId],
    );
    const known = new Set(items.map((item) => item.id));
    const unknown = ticked.filter((id) => !known.has(id));
    if (unknown.length > 0) {
      throw new BadRequestException({
        message: `checklist: unknown items ${unknown.join(', ')}`,
        code: 'unknown_reference',
        errors: [{ field: 'checklist', messages: [`unknown items: ${unknown.join(', ')}`] }],
      });
    }
    return items.filter((item) => item.required && item.archived_at === null).every((item) => ticked.includes(item.id));
  }
}
