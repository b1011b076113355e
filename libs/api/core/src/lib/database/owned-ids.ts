import { BadRequestException } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** Tables whose rows belong to one organisation and may be referenced by id from a request. */
export type OwnedTable = 'themes' | 'audiences' | 'channels' | 'initiatives' | 'content_types' | 'posts';

const ARCHIVABLE: ReadonlySet<OwnedTable> = new Set(['themes', 'audiences', 'content_types']);

/**
 * Refuses ids that are not the organisation's (another organisation's look exactly like missing ones),
 * with a 400 naming the request field. With `allowArchived: false`, archived rows count as missing too:
 * new plans cannot pick an archived theme, but old posts keep theirs.
 */
export async function assertOwnedIds(
  manager: EntityManager,
  table: OwnedTable,
  organizationId: string,
  ids: readonly string[],
  field: string,
  options: { allowArchived?: boolean } = {},
): Promise<void> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return;
  const archivedFilter = ARCHIVABLE.has(table) && options.allowArchived === false ? 'AND archived_at IS NULL' : '';
  const rows: Array<{ id: string }> = await manager.query(
    `SELECT id FROM ${table} WHERE organization_id = $1 AND id = ANY($2::uuid[]) ${archivedFilter}`,
    [organizationId, unique],
  );
  const found = new Set(rows.map((row) => row.id));
  const missing = unique.filter((id) => !found.has(id));
  if (missing.length > 0) {
    throw new BadRequestException({
      message: `${field}: unknown ${missing.length === 1 ? 'id' : 'ids'} ${missing.join(', ')}`,
      code: 'unknown_reference',
      errors: [{ field, messages: [`unknown or archived: ${missing.join(', ')}`] }],
    });
  }
}
