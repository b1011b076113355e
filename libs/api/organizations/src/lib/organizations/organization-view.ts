import type { OrganizationView } from '@kadens/shared/contracts';

import type { Organization } from './organization.entity';

export function toOrganizationView(organization: Organization): OrganizationView {
  return {
    id: organization.id,
    name: organization.name,
    slug: organization.slug,
    timeZone: organization.timeZone,
    country: organization.country,
    defaultLocale: organization.defaultLocale,
    capacityHoursPerWeek: organization.capacityHoursPerWeek,
    readabilityTarget: organization.readabilityTarget,
    createdAt: organization.createdAt.toISOString(),
  };
}
