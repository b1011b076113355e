import { AuditService } from '@kadens/api/audit';
import type { ChecklistItemView, ChecklistKey } from '@kadens/shared/contracts';
import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';

import type { CreateChecklistItemDto, UpdateChecklistItemDto } from './checklist.dto';

interface ItemRow {
  id: string;
  key: ChecklistKey | null;
  text: string;
  required: boolean;
  position: number;
  archived_at: Date | null;
}

const COLUMNS = 'id, key, text, required, position, archived_at';
const toView = (row: ItemRow): ChecklistItemView => ({
  id: row.id,
  key: row.key,
  text: row.text,
  required: row.required,
  position: row.position,
  archived: row.archived_at !== null,
});

export async function checklistItems(
  manager: EntityManager,
  organizationId: string,
  includeArchived: boolean,
): Promise<ChecklistItemView[]> {
  const rows: ItemRow[] = await manager.query(
    `SELECT ${COLUMNS} FROM checklist_items WHERE organization_id = $1 AND ($2 OR archived_at IS NULL) ORDER BY position, created_at`,
    [organizationId, includeArchived],
  );
  return rows.map(toView);
}

/** The review checklist; items are archived, never deleted, so old reviews still show what was ticked. */
@Injectable()
export class ChecklistService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  list(organizationId: string, includeArchived: boolean): Promise<ChecklistItemView[]> {
    return checklistItems(this.db.manager, organizationId, includeArchived);
  }

  create(organizationId: string, actorId: string, input: CreateChecklistItemDto): Promise<ChecklistItemView> {
    return this.db.transaction(async (tx) => {
      const [row]: ItemRow[] = await tx.query(
        `INSERT INTO checklist_items (organization_id, text, required, position)
         VALUES ($1, $2, $3, COALESCE($4, (SELECT COALESCE(max(position), 0) + 1 FROM checklist_items WHERE organization_id = $1))) RETURNING ${COLUMNS}`,
        [organizationId, input.text, input.required ?? true, input.position ?? null],
      );
      const view = toView(row as ItemRow);
      await this.audit.record(tx, {
        organizationId,
        actorId,
        action: 'checklist.item_added',
        subjectType: 'checklist_item',
        subjectId: view.id,
        after: view,
      });
      return view;
    });
  }

  update(organizationId: string, actorId: string, id: string, input: UpdateChecklistItemDto): Promise<ChecklistItemView> {
    return this.db.transaction(async (tx) => {
      const [before]: ItemRow[] = await tx.query(
        `SELECT ${COLUMNS} FROM checklist_items WHERE organization_id = $1 AND id = $2 FOR UPDATE`,
        [organizationId, id],
      );
      if (!before) throw new NotFoundException({ message: 'Checklist item not found', code: 'checklist_item_not_found' });
      const [[row]]: [ItemRow[]] = await tx.query(
        `UPDATE checklist_items SET text = COALESCE($3, text), required = COALESCE($4, required), position = COALESCE($5, position),
                archived_at = CASE WHEN $6::boolean IS NULL THEN archived_at WHEN $6 THEN COALESCE(archived_at, now()) ELSE NULL END
          WHERE organization_id = $1 AND id = $2 RETURNING ${COLUMNS}`,
        [organizationId, id, input.text ?? null, input.required ?? null, input.position ?? null, input.archived ?? null],
      );
      const view = toView(row as ItemRow);
      await this.audit.record(tx, {
        organizationId,
        actorId,
        action: 'checklist.item_changed',
        subjectType: 'checklist_item',
        subjectId: id,
        before: toView(before),
        after: view,
      });
      return view;
    });
  }
}
