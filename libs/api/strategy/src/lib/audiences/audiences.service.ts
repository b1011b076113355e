import { assertOwnedIds, conflictOnDuplicate } from '@kadens/api/core';
import type { AudienceView } from '@kadens/shared/contracts';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';

import { archivedAtAfter } from '../shared/archiving';
import { loadLinkedIds, replaceLinkedIds } from '../shared/linked-ids';
import { deleteOwned, findOwnedOrFail } from '../shared/strategy-item';
import type { CreateAudienceDto, UpdateAudienceDto } from './audience.dto';
import { Audience } from './audience.entity';
import { effectColumns, toAudienceView } from './audience-view';

@Injectable()
export class AudiencesService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async list(organizationId: string, includeArchived: boolean): Promise<AudienceView[]> {
    const query = this.db
      .getRepository(Audience)
      .createQueryBuilder('audience')
      .where('audience.organization_id = :organizationId', { organizationId });
    if (!includeArchived) query.andWhere('audience.archived_at IS NULL');
    const audiences = await query.orderBy('lower(audience.name)').addOrderBy('audience.id').getMany();
    const channels = await loadLinkedIds(
      this.db.manager,
      'audience_channels',
      organizationId,
      audiences.map((a) => a.id),
    );
    return audiences.map((audience) => toAudienceView(audience, channels.get(audience.id) ?? []));
  }

  async get(organizationId: string, id: string): Promise<AudienceView> {
    return this.view(this.db.manager, await findOwnedOrFail(this.db.manager, Audience, 'audience', organizationId, id));
  }

  create(organizationId: string, input: CreateAudienceDto): Promise<AudienceView> {
    return this.write(async (tx) => {
      const channelIds = input.channelIds ?? [];
      await assertOwnedIds(tx, 'channels', organizationId, channelIds, 'channelIds');
      const repository = tx.getRepository(Audience);
      const audience = await repository.save(
        repository.create({
          organizationId,
          name: input.name,
          description: input.description ?? '',
          communicationGoal: input.communicationGoal ?? '',
          effectGoal: input.effectGoal ?? '',
          ...effectColumns(input.effectTarget ?? null),
          archivedAt: null,
        }),
      );
      await replaceLinkedIds(tx, 'audience_channels', organizationId, audience.id, channelIds, 'channelIds');
      return this.view(tx, audience);
    });
  }

  update(organizationId: string, id: string, changes: UpdateAudienceDto): Promise<AudienceView> {
    return this.write(async (tx) => {
      const audience = await findOwnedOrFail(tx, Audience, 'audience', organizationId, id);
      audience.name = changes.name ?? audience.name;
      audience.description = changes.description ?? audience.description;
      audience.communicationGoal = changes.communicationGoal ?? audience.communicationGoal;
      audience.effectGoal = changes.effectGoal ?? audience.effectGoal;
      if (changes.effectTarget !== undefined) Object.assign(audience, effectColumns(changes.effectTarget));
      audience.archivedAt = archivedAtAfter(audience.archivedAt, changes.archived);
      await tx.getRepository(Audience).save(audience);
      if (changes.channelIds) {
        await assertOwnedIds(tx, 'channels', organizationId, changes.channelIds, 'channelIds');
        await replaceLinkedIds(tx, 'audience_channels', organizationId, id, changes.channelIds, 'channelIds');
      }
      return this.view(tx, audience);
    });
  }

  /** Refused (409 audience_in_use) while posts or initiatives are for this audience. */
  remove(organizationId: string, id: string): Promise<void> {
    return deleteOwned(
      this.db.manager,
      Audience,
      'audience',
      organizationId,
      id,
      'Posts or initiatives are for this audience; archive it instead.',
    );
  }

  /** The row and its channel links change together or not at all. */
  private write(work: (tx: EntityManager) => Promise<AudienceView>): Promise<AudienceView> {
    return conflictOnDuplicate(() => this.db.transaction(work), 'name', 'name_taken');
  }

  private async view(manager: EntityManager, audience: Audience): Promise<AudienceView> {
    const channels = await loadLinkedIds(manager, 'audience_channels', audience.organizationId, [audience.id]);
    return toAudienceView(audience, channels.get(audience.id) ?? []);
  }
}
