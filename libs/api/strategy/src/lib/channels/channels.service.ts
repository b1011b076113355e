import { conflictOnDuplicate } from '@kadens/api/core';
import type { ChannelView } from '@kadens/shared/contracts';
import { BadRequestException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';

import { deleteOwned, findOwnedOrFail } from '../shared/strategy-item';
import type { CreateChannelDto, UpdateChannelDto } from './channel.dto';
import { Channel } from './channel.entity';
import { toChannelView } from './channel-view';

@Injectable()
export class ChannelsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async list(organizationId: string): Promise<ChannelView[]> {
    const channels = await this.db
      .getRepository(Channel)
      .createQueryBuilder('channel')
      .where('channel.organization_id = :organizationId', { organizationId })
      .orderBy('lower(channel.name)')
      .addOrderBy('channel.id')
      .getMany();
    return channels.map(toChannelView);
  }

  async get(organizationId: string, id: string): Promise<ChannelView> {
    return toChannelView(await findOwnedOrFail(this.db.manager, Channel, 'channel', organizationId, id));
  }

  create(organizationId: string, input: CreateChannelDto): Promise<ChannelView> {
    return this.save(organizationId, async (tx) => {
      await assertMember(tx, organizationId, input.responsibleUserId);
      return tx.getRepository(Channel).create({
        organizationId,
        platform: input.platform,
        name: input.name,
        handle: input.handle ?? '',
        responsibleUserId: input.responsibleUserId ?? null,
        publicDescription: input.publicDescription ?? '',
        status: input.status ?? 'active',
      });
    });
  }

  update(organizationId: string, id: string, changes: UpdateChannelDto): Promise<ChannelView> {
    return this.save(organizationId, async (tx) => {
      const channel = await findOwnedOrFail(tx, Channel, 'channel', organizationId, id);
      await assertMember(tx, organizationId, changes.responsibleUserId);
      channel.name = changes.name ?? channel.name;
      channel.handle = changes.handle ?? channel.handle;
      if (changes.responsibleUserId !== undefined) channel.responsibleUserId = changes.responsibleUserId;
      channel.publicDescription = changes.publicDescription ?? channel.publicDescription;
      channel.status = changes.status ?? channel.status;
      return channel;
    });
  }

  /**
   * Refused (409 channel_in_use) while posts target the channel or initiatives name it; audiences merely
   * stop listing it, since "where an audience is" is a description, not a plan.
   */
  remove(organizationId: string, id: string): Promise<void> {
    return deleteOwned(
      this.db.manager,
      Channel,
      'channel',
      organizationId,
      id,
      'Posts or initiatives use this channel; remove it from them first, or pause it instead.',
    );
  }

  /** Prepares the row inside a transaction (so the responsible member cannot leave meanwhile) and saves it. */
  private save(organizationId: string, prepare: (tx: EntityManager) => Promise<Channel>): Promise<ChannelView> {
    return conflictOnDuplicate(
      () => this.db.transaction(async (tx) => toChannelView(await tx.getRepository(Channel).save(await prepare(tx)))),
      'name',
      'name_taken',
    );
  }
}

/** The responsible person must be a member of this organisation; the row stays locked until commit. */
async function assertMember(tx: EntityManager, organizationId: string, userId: string | null | undefined): Promise<void> {
  if (userId === null || userId === undefined) return;
  const rows: unknown[] = await tx.query(`SELECT 1 FROM memberships WHERE organization_id = $1 AND user_id = $2 FOR KEY SHARE`, [
    organizationId,
    userId,
  ]);
  if (rows.length === 0) {
    throw new BadRequestException({
      message: 'responsibleUserId: not a member of this organisation',
      code: 'not_a_member',
      errors: [{ field: 'responsibleUserId', messages: ['is not a member of this organisation'] }],
    });
  }
}
