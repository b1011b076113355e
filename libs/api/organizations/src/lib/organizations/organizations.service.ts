import { DEFAULT_CONTENT_TYPES, type OrganizationView } from '@kadens/shared/contracts';
import { ConflictException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource, type EntityManager, QueryFailedError } from 'typeorm';

import { Membership } from '../members/membership.entity';
import type { CreateOrganizationDto, UpdateOrganizationDto } from './organization.dto';
import { Organization } from './organization.entity';
import { toOrganizationView } from './organization-view';

@Injectable()
export class OrganizationsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Creates the organisation with its creator as its first admin and the default content types. */
  create(creatorId: string, input: CreateOrganizationDto, manager?: EntityManager): Promise<OrganizationView> {
    const work = async (tx: EntityManager) => {
      const organization = await saveCatchingSlug(tx, tx.getRepository(Organization).create(input));
      await tx.getRepository(Membership).insert({ organizationId: organization.id, userId: creatorId, role: 'admin' });
      await tx.query(
        `INSERT INTO content_types (organization_id, key, name, invites_dialogue)
         SELECT $1, d.key, d.name, d.invites_dialogue FROM jsonb_to_recordset($2::jsonb) AS d (key text, name text, "invitesDialogue" boolean, invites_dialogue boolean)`,
        [organization.id, JSON.stringify(DEFAULT_CONTENT_TYPES.map((type) => ({ ...type, invites_dialogue: type.invitesDialogue })))],
      );
      return toOrganizationView(organization);
    };
    return manager ? work(manager) : this.db.transaction(work);
  }

  async get(id: string): Promise<OrganizationView> {
    return toOrganizationView(await this.db.getRepository(Organization).findOneByOrFail({ id }));
  }

  async update(id: string, changes: UpdateOrganizationDto): Promise<OrganizationView> {
    const repository = this.db.getRepository(Organization);
    const organization = await repository.findOneByOrFail({ id });
    return toOrganizationView(await saveCatchingSlug(this.db.manager, repository.merge(organization, changes)));
  }
}

async function saveCatchingSlug(manager: EntityManager, organization: Organization): Promise<Organization> {
  try {
    return await manager.getRepository(Organization).save(organization);
  } catch (error) {
    if (error instanceof QueryFailedError && (error.driverError as { constraint?: string }).constraint === 'organizations_slug_key') {
      throw new ConflictException({ message: `slug: "${organization.slug}" is taken`, code: 'slug_taken', errors: [{ field: 'slug', messages: ['is taken'] }] });
    }
    throw error;
  }
}
