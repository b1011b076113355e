import { assertOwnedIds } from '@kadens/api/core';
import type { InitiativeView } from '@kadens/shared/contracts';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';

import { loadLinkedIds, replaceLinkedIds } from '../shared/linked-ids';
import { deleteOwned, findOwnedOrFail } from '../shared/strategy-item';
import type { CreateInitiativeDto, UpdateInitiativeDto } from './initiative.dto';
import { Initiative } from './initiative.entity';
import { toInitiativeView } from './initiative-view';

@Injectable()
export class InitiativesService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Oldest first, so the strategy page reads in the order the plan was written. */
  async list(organizationId: string): Promise<InitiativeView[]> {
    const initiatives = await this.db.getRepository(Initiative).find({ where: { organizationId }, order: { createdAt: 'ASC', id: 'ASC' } });
    return this.views(this.db.manager, organizationId, initiatives);
  }

  async get(organizationId: string, id: string): Promise<InitiativeView> {
    return this.view(this.db.manager, await findOwnedOrFail(this.db.manager, Initiative, 'initiative', organizationId, id));
  }

  create(organizationId: string, input: CreateInitiativeDto): Promise<InitiativeView> {
    return this.db.transaction(async (tx) => {
      await assertOwnedIds(tx, 'channels', organizationId, input.channelIds, 'channelIds');
      await assertOwnedIds(tx, 'audiences', organizationId, input.audienceIds, 'audienceIds', { allowArchived: false });
      const repository = tx.getRepository(Initiative);
      const initiative = await repository.save(
        repository.create({
          organizationId,
          what: input.what,
          outcome: input.outcome,
          hoursPerWeek: input.hoursPerWeek,
          core: input.core ?? false,
          status: input.status ?? 'idea',
        }),
      );
      await this.link(tx, initiative, input.channelIds, input.audienceIds);
      return this.view(tx, initiative);
    });
  }

  update(organizationId: string, id: string, changes: UpdateInitiativeDto): Promise<InitiativeView> {
    return this.db.transaction(async (tx) => {
      const initiative = await findOwnedOrFail(tx, Initiative, 'initiative', organizationId, id);
      if (changes.channelIds) await assertOwnedIds(tx, 'channels', organizationId, changes.channelIds, 'channelIds');
      if (changes.audienceIds) {
        // An audience archived since it was chosen may stay; only newly chosen ones must be current.
        const current = new Set((await loadLinkedIds(tx, 'initiative_audiences', organizationId, [id])).get(id));
        const added = changes.audienceIds.filter((audienceId) => !current.has(audienceId));
        await assertOwnedIds(tx, 'audiences', organizationId, added, 'audienceIds', { allowArchived: false });
      }
      initiative.what = changes.what ?? initiative.what;
      initiative.outcome = changes.outcome ?? initiative.outcome;
      initiative.hoursPerWeek = changes.hoursPerWeek ?? initiative.hoursPerWeek;
      initiative.core = changes.core ?? initiative.core;
      initiative.status = changes.status ?? initiative.status;
      await tx.getRepository(Initiative).save(initiative);
      await this.link(tx, initiative, changes.channelIds, changes.audienceIds);
      return this.view(tx, initiative);
    });
  }

  /** Refused (409 initiative_in_use) while posts belong to it; set it to dropped instead. */
  remove(organizationId: string, id: string): Promise<void> {
    return deleteOwned(
      this.db.manager,
      Initiative,
      'initiative',
      organizationId,
      id,
      'Posts belong to this initiative; set its status to dropped instead.',
    );
  }

  private async link(
    tx: EntityManager,
    initiative: Initiative,
    channelIds: string[] | undefined,
    audienceIds: string[] | undefined,
  ): Promise<void> {
    const { organizationId, id } = initiative;
    if (channelIds) await replaceLinkedIds(tx, 'initiative_channels', organizationId, id, channelIds, 'channelIds');
    if (audienceIds) await replaceLinkedIds(tx, 'initiative_audiences', organizationId, id, audienceIds, 'audienceIds');
  }

  private async view(manager: EntityManager, initiative: Initiative): Promise<InitiativeView> {
    const [view] = await this.views(manager, initiative.organizationId, [initiative]);
    if (!view) throw new Error(`initiative ${initiative.id} has no view`);
    return view;
  }

  private async views(manager: EntityManager, organizationId: string, initiatives: Initiative[]): Promise<InitiativeView[]> {
    const ids = initiatives.map((initiative) => initiative.id);
    const channels = await loadLinkedIds(manager, 'initiative_channels', organizationId, ids);
    const audiences = await loadLinkedIds(manager, 'initiative_audiences', organizationId, ids);
    return initiatives.map((initiative) =>
      toInitiativeView(initiative, channels.get(initiative.id) ?? [], audiences.get(initiative.id) ?? []),
    );
  }
}
