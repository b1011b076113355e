import { conflictOnDuplicate, deleteUnlessReferenced } from '@kadens/api/core';
import { CONTENT_TYPE_KEYS, type ContentTypeKey, type ContentTypeView } from '@kadens/shared/contracts';
import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

import type { CreateContentTypeDto, UpdateContentTypeDto } from './content-type.dto';

interface ContentTypeRow {
  id: string;
  key: ContentTypeKey | null;
  name: string;
  invites_dialogue: boolean;
  archived_at: Date | null;
}

const toView = (row: ContentTypeRow): ContentTypeView => ({
  id: row.id,
  key: row.key,
  name: row.name,
  invitesDialogue: row.invites_dialogue,
  archived: row.archived_at !== null,
});
const COLUMNS = 'id, key, name, invites_dialogue, archived_at';

@Injectable()
export class ContentTypesService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async list(organizationId: string, includeArchived: boolean): Promise<ContentTypeView[]> {
    const rows: ContentTypeRow[] = await this.db.query(
      `SELECT ${COLUMNS} FROM content_types WHERE organization_id = $1 AND ($2 OR archived_at IS NULL)
        ORDER BY array_position($3::text[], key::text) NULLS LAST, created_at, name`,
      [organizationId, includeArchived, CONTENT_TYPE_KEYS],
    );
    return rows.map(toView);
  }

  async create(organizationId: string, input: CreateContentTypeDto): Promise<ContentTypeView> {
    const rows: ContentTypeRow[] = await conflictOnDuplicate(
      () =>
        this.db.query(`INSERT INTO content_types (organization_id, name, invites_dialogue) VALUES ($1, $2, $3) RETURNING ${COLUMNS}`, [
          organizationId,
          input.name,
          input.invitesDialogue ?? false,
        ]),
      'name',
      'name_taken',
    );
    return toView(rows[0] as ContentTypeRow);
  }

  async update(organizationId: string, id: string, input: UpdateContentTypeDto): Promise<ContentTypeView> {
    const rows: ContentTypeRow[] = await conflictOnDuplicate(
      () =>
        this.db.query(
          `UPDATE content_types
              SET name = COALESCE($3, name),
                  invites_dialogue = COALESCE($4, invites_dialogue),
                  archived_at = CASE WHEN $5::boolean IS NULL THEN archived_at WHEN $5 THEN COALESCE(archived_at, now()) ELSE NULL END
            WHERE organization_id = $1 AND id = $2 RETURNING ${COLUMNS}`,
          [organizationId, id, input.name ?? null, input.invitesDialogue ?? null, input.archived ?? null],
        ),
      'name',
      'name_taken',
    );
    // A pg UPDATE … RETURNING answers [rows, count] through TypeORM's query().
    const row = (Array.isArray(rows[0]) ? (rows[0] as ContentTypeRow[])[0] : rows[0]) as ContentTypeRow | undefined;
    if (!row) throw new NotFoundException({ message: 'Content type not found', code: 'content_type_not_found' });
    return toView(row);
  }

  async remove(organizationId: string, id: string): Promise<void> {
    await deleteUnlessReferenced(
      async () => {
        const [, count] = (await this.db.query(`DELETE FROM content_types WHERE organization_id = $1 AND id = $2`, [
          organizationId,
          id,
        ])) as [unknown, number];
        if (count === 0) throw new NotFoundException({ message: 'Content type not found', code: 'content_type_not_found' });
      },
      'content_type_in_use',
      'Posts use this content type; archive it instead',
    );
  }
}
