import type { PlanCheckInput, PostState, TargetState, Violation } from '@kadens/shared/contracts';
import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';

import { assertChannels } from '../channel-promises/promise-rows';
import { PlanRulesService } from './plan-rules.service';
import { type PlannedPost, plannedPostOf } from './planned-post';

interface SavedPlanRow {
  state: PostState;
  content_type_id: string;
  rule_override_violations: Violation[] | null;
  targets: Array<{ channelId: string; state: TargetState }>;
}

/**
 * The composer's dry run: what a save of the planned values would be told by the promise checks, from
 * the same `PlanRulesService` in the same words, while the person is still choosing. The save stays
 * the judge.
 */
@Injectable()
export class PlanCheckService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly rules: PlanRulesService,
  ) {}

  async check(organizationId: string, input: PlanCheckInput): Promise<Violation[]> {
    const manager = this.db.manager;
    await assertChannels(manager, organizationId, input.channelIds);
    if (input.contentTypeId) await assertContentType(manager, organizationId, input.contentTypeId);
    const planned = input.postId ? await this.editedPost(manager, organizationId, input.postId, input) : newPost(input);
    return this.rules.check(manager, organizationId, planned);
  }

  /** The edited post at the planned values, keeping what a save keeps: its state, its targets' delivery state, its override. */
  private async editedPost(manager: EntityManager, organizationId: string, postId: string, input: PlanCheckInput): Promise<PlannedPost> {
    const rows: SavedPlanRow[] = await manager.query(
      `SELECT p.state, p.content_type_id, p.rule_override_violations,
              COALESCE((SELECT json_agg(json_build_object('channelId', t.channel_id, 'state', t.state)) FROM post_targets t WHERE t.post_id = p.id), '[]') AS targets
         FROM posts p WHERE p.organization_id = $1 AND p.id = $2`,
      [organizationId, postId],
    );
    const saved = rows[0];
    if (!saved) throw new NotFoundException({ message: 'Post not found', code: 'post_not_found' });
    const stateOn = new Map(saved.targets.map((target) => [target.channelId, target.state]));
    return plannedPostOf({
      id: postId,
      plannedAt: input.plannedAt,
      invitesDialogue: input.invitesDialogue,
      contentTypeId: input.contentTypeId ?? saved.content_type_id,
      state: saved.state,
      targets: input.channelIds.map((channelId) => ({ channelId, state: stateOn.get(channelId) ?? 'pending' })),
      ruleOverride: saved.rule_override_violations ? { violations: saved.rule_override_violations } : null,
    });
  }
}

function newPost(input: PlanCheckInput): PlannedPost {
  return plannedPostOf({
    id: null,
    plannedAt: input.plannedAt,
    invitesDialogue: input.invitesDialogue,
    contentTypeId: input.contentTypeId ?? '',
    state: 'draft',
    targets: input.channelIds.map((channelId) => ({ channelId, state: 'pending' })),
    ruleOverride: null,
  });
}

async function assertContentType(manager: EntityManager, organizationId: string, contentTypeId: string): Promise<void> {
  const rows: unknown[] = await manager.query(`SELECT 1 FROM content_types WHERE organization_id = $1 AND id = $2`, [
    organizationId,
    contentTypeId,
  ]);
  if (rows.length === 0) throw new NotFoundException({ message: 'Content type not found', code: 'content_type_not_found' });
}
