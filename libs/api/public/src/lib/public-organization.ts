import type { Country, Locale } from '@kadens/shared/contracts';
import { NotFoundException } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

export interface PublicOrganization {
  id: string;
  name: string;
  slug: string;
  timeZone: string;
  country: Country;
  defaultLocale: Locale;
}

/** Finds an organisation by its public slug; anything unknown (or malformed) is a plain 404. */
export async function findPublicOrganization(manager: EntityManager, slug: string): Promise<PublicOrganization> {
  const rows: Array<{ id: string; name: string; slug: string; time_zone: string; country: Country; default_locale: Locale }> =
    /^[a-z0-9-]{1,63}$/.test(slug)
      ? await manager.query(`SELECT id, name, slug, time_zone, country, default_locale FROM organizations WHERE slug = $1`, [slug])
      : [];
  const row = rows[0];
  if (!row) throw new NotFoundException({ message: 'No organisation has that address', code: 'organization_not_found' });
  return { id: row.id, name: row.name, slug: row.slug, timeZone: row.time_zone, country: row.country, defaultLocale: row.default_locale };
}
