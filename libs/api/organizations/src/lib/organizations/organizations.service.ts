import { DEFAULT_CHECKLIST, defaultContentTypes, type OrganizationView } from '@kadens/shared/contracts';
import { AuditService } from '@kadens/api/audit';
import { ConflictException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource, type EntityManager, QueryFailedError } from 'typeorm';

import { Membership } from '../members/membership.entity';
import type { CreateOrganizationDto, UpdateOrganizationDto } from './organization.dto';
import { Organization } from './organization.entity';
import { toOrganizationView } from './organization-view';

@Injectable()
export class OrganizationsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** Creates the organisation with its creator as its first admin, the default content types (named in its language) and the review checklist. */
  create(creatorId: string, input: CreateOrganizationDto, manager?: EntityManager): Promise<OrganizationView> {
    const work = async (tx: EntityManager) => {
      const organization = await saveCatchingSlug(tx, tx.getRepository(Organization).create(input));
      await tx.getRepository(Membership).insert({ organizationId: organization.id, userId: creatorId, role: 'admin' });
      await tx.query(
        `INSERT INTO content_types (organization_id, key, name, invites_dialogue)
         SELECT $1, d.key, d.name, d.invites_dialogue FROM jsonb_to_recordset($2::jsonb) AS d (key text, name text, "invitesDialogue" boolean, invites_dialogue boolean)`,
        [
          organization.id,
          JSON.stringify(
            defaultContentTypes(organization.defaultLocale).map((type) => ({ ...type, invites_dialogue: type.invitesDialogue })),
          ),
        ],
      );
      await tx.query(
        `INSERT INTO checklist_items (organization_id, key, text, position)
         SELECT $1, d.key, d.text, d.position FROM jsonb_to_recordset($2::jsonb) AS d (key text, text text, position int)`,
        [organization.id, JSON.stringify(DEFAULT_CHECKLIST.map((item, index) => ({ ...item, position: index + 1 })))],
      );
      return toOrganizationView(organization);
    };
    return manager ? work(manager) : this.db.transaction(work);
  }

  async get(id: string): Promise<OrganizationView> {
    return toOrganizationView(await this.db.getRepository(Organization).findOneByOrFail({ id }));
  }

  update(id: string, actorId: string, changes: UpdateOrganizationDto): Promise<OrganizationView> {
    return this.db.transaction(async (tx) => {
      const repository = tx.getRepository(Organization);
      const organization = await repository.findOneByOrFail({ id });
      const before = toOrganizationView(organization);
      const after = toOrganizationView(await saveCatchingSlug(tx, repository.merge(organization, changes)));
      await this.audit.record(tx, {
        organizationId: id,
        actorId,
        action: 'organization.settings_changed',
        subjectType: 'organization',
        subjectId: id,
        before,
        after,
      });
      return after;
    });
  }
}

async function saveCatchingSlug(manager: EntityManager, organization: Organization): Promise<Organization> {
  try {
    return await manager.getRepository(Organization).save(organization);
  } catch (error) {
    if (error instanceof QueryFailedError && (error.driverError as { constraint?: string }).constraint === 'organizations_slug_key') {
      throw new ConflictException({
        message: `slug: "${organization.slug}" is taken`,
        code: 'slug_taken',
        errors: [{ field: 'slug', messages: ['is taken'] }],
      });
    }
    throw error;
  }
}
