import { deleteUnlessReferenced } from '@kadens/api/core';
import { NotFoundException } from '@nestjs/common';
import type { EntityManager, EntityTarget, FindOptionsWhere } from 'typeorm';

/** The four strategy concepts, as they appear in error codes (`theme_not_found`, `theme_in_use`). */
export type StrategyItemKind = 'theme' | 'audience' | 'channel' | 'initiative';

/** What every strategy row has: it belongs to one organisation. */
export interface OwnedRow {
  id: string;
  organizationId: string;
}

/** Another organisation's item answers exactly like a missing one. */
export function itemNotFound(kind: StrategyItemKind): NotFoundException {
  return new NotFoundException({ message: `No such ${kind} in this organisation`, code: `${kind}_not_found` });
}

export async function findOwnedOrFail<T extends OwnedRow>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  kind: StrategyItemKind,
  organizationId: string,
  id: string,
): Promise<T> {
  const row = await manager.getRepository(entity).findOneBy({ organizationId, id } as FindOptionsWhere<T>);
  if (!row) throw itemNotFound(kind);
  return row;
}

/**
 * Deletes the item; when posts or initiatives still refer to it (a foreign key refuses), answers 409
 * `{kind}_in_use` with `advice`, the way forward (archive it, drop it, pause it).
 */
export function deleteOwned<T extends OwnedRow>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  kind: StrategyItemKind,
  organizationId: string,
  id: string,
  advice: string,
): Promise<void> {
  return deleteUnlessReferenced(
    async () => {
      const result = await manager.getRepository(entity).delete({ organizationId, id } as FindOptionsWhere<T>);
      if (!result.affected) throw itemNotFound(kind);
    },
    `${kind}_in_use`,
    advice,
  );
}
