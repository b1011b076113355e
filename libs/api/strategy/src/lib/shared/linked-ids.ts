import { BadRequestException } from '@nestjs/common';
import { QueryFailedError, type EntityManager } from 'typeorm';

/** The join tables between strategy items: which column holds the owner, which the linked item. */
const LINKS = {
  audience_channels: { owner: 'audience_id', linked: 'channel_id', linkedTable: 'channels' },
  initiative_channels: { owner: 'initiative_id', linked: 'channel_id', linkedTable: 'channels' },
  initiative_audiences: { owner: 'initiative_id', linked: 'audience_id', linkedTable: 'audiences' },
} as const;
export type LinkTable = keyof typeof LINKS;

const FOREIGN_KEY_VIOLATION = '23503';

/** The linked ids of each owner, ordered by the linked item's name so every client lists them alike. */
export async function loadLinkedIds(
  manager: EntityManager,
  table: LinkTable,
  organizationId: string,
  ownerIds: readonly string[],
): Promise<Map<string, string[]>> {
  const byOwner = new Map<string, string[]>(ownerIds.map((id) => [id, []]));
  if (ownerIds.length === 0) return byOwner;
  const { owner, linked, linkedTable } = LINKS[table];
  const rows: Array<{ owner_id: string; linked_id: string }> = await manager.query(
    `SELECT l.${owner} AS owner_id, l.${linked} AS linked_id
       FROM ${table} l JOIN ${linkedTable} x ON x.id = l.${linked}
      WHERE l.organization_id = $1 AND l.${owner} = ANY($2::uuid[])
      ORDER BY lower(x.name), x.id`,
    [organizationId, [...ownerIds]],
  );
  for (const row of rows) byOwner.get(row.owner_id)?.push(row.linked_id);
  return byOwner;
}

/**
 * Makes the owner's links exactly `ids`. Call inside a transaction, after `assertOwnedIds`; should a
 * linked item vanish in between, the foreign key's refusal is still a 400 naming `field`, not a 500.
 */
export async function replaceLinkedIds(
  manager: EntityManager,
  table: LinkTable,
  organizationId: string,
  ownerId: string,
  ids: readonly string[],
  field: string,
): Promise<void> {
  const { owner, linked } = LINKS[table];
  await manager.query(`DELETE FROM ${table} WHERE organization_id = $1 AND ${owner} = $2`, [organizationId, ownerId]);
  if (ids.length === 0) return;
  try {
    await manager.query(`INSERT INTO ${table} (organization_id, ${owner}, ${linked}) SELECT $1, $2, unnest($3::uuid[])`, [
      organizationId,
      ownerId,
      [...new Set(ids)],
    ]);
  } catch (error) {
    if (error instanceof QueryFailedError && (error.driverError as { code?: string }).code === FOREIGN_KEY_VIOLATION) {
      throw new BadRequestException({
        message: `${field}: an item no longer exists`,
        code: 'unknown_reference',
        errors: [{ field, messages: ['refers to an item that no longer exists'] }],
      });
    }
    throw error;
  }
}
