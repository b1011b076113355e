import { type ContentTypeKey, DEFAULT_CONTENT_TYPE_NAMES, LOCALES, type Platform } from '@kadens/shared/contracts';
import { NotFoundException } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

import { nameKey } from '../csv/csv-values';
import type { ImportLookups } from './import-row';

/**
 * The names a CSV row may use, read once per import: active channels, themes, audiences and content
 * types (not archived) and the organisation's zone. One read of the strategy's tables by name, in the
 * caller's transaction (an exception to the table owners' readers, listed in docs/architecture.md).
 */
export async function loadImportLookups(manager: EntityManager, organizationId: string): Promise<ImportLookups> {
  const [organization]: Array<{ time_zone: string }> = await manager.query(`SELECT time_zone FROM organizations WHERE id = $1`, [
    organizationId,
  ]);
  if (!organization) throw new NotFoundException({ message: 'Organisation not found', code: 'organization_not_found' });
  const rows: Array<{ kind: string; id: string; name: string; key: string | null; platform: Platform | null }> = await manager.query(
    `SELECT 'channel' AS kind, id, name, NULL AS key, platform FROM channels WHERE organization_id = $1
     UNION ALL SELECT 'theme', id, name, NULL, NULL FROM themes WHERE organization_id = $1 AND archived_at IS NULL
     UNION ALL SELECT 'audience', id, name, NULL, NULL FROM audiences WHERE organization_id = $1 AND archived_at IS NULL
     UNION ALL SELECT 'content_type', id, name, key, NULL FROM content_types WHERE organization_id = $1 AND archived_at IS NULL`,
    [organizationId],
  );
  const channels = new Map<string, { id: string; name: string; platform: Platform }>();
  const themes = new Map<string, string>();
  const audiences = new Map<string, string>();
  const contentTypes = new Map<string, string>();
  let defaultContentTypeId: string | null = null;
  for (const row of rows) {
    const key = nameKey(row.name);
    if (row.kind === 'channel' && row.platform) channels.set(key, { id: row.id, name: row.name, platform: row.platform });
    if (row.kind === 'theme') themes.set(key, row.id);
    if (row.kind === 'audience') audiences.set(key, row.id);
    if (row.kind === 'content_type') {
      contentTypes.set(key, row.id);
      if (row.key) {
        // A seeded type answers to its key and to its name in every language (a file may come from another office).
        contentTypes.set(nameKey(row.key), row.id);
        for (const locale of LOCALES) {
          const name = nameKey(DEFAULT_CONTENT_TYPE_NAMES[locale][row.key as ContentTypeKey] ?? '');
          if (name !== '' && !contentTypes.has(name)) contentTypes.set(name, row.id);
        }
      }
      if (row.key === 'news') defaultContentTypeId = row.id;
    }
  }
  return { timeZone: organization.time_zone, channels, themes, audiences, contentTypes, defaultContentTypeId };
}
