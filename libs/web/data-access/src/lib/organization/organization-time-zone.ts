import { computed, effect, inject, Injectable, signal, untracked } from '@angular/core';
import type { OrganizationId } from '@kadens/shared/contracts';
import { ActiveOrganization, OrganizationsApi } from '@kadens/web/data-access';

/**
 * The active organisation's IANA zone, which every time on the publishing screens is shown in. Asked
 * once per organisation and page load; the banner, the list and the panel share the answer.
 */
@Injectable({ providedIn: 'root' })
export class OrganizationTimeZone {
  private readonly organizations = inject(OrganizationsApi);
  private readonly activeOrganization = inject(ActiveOrganization);
  private readonly zones = signal<Readonly<Record<OrganizationId, string>>>({});
  private readonly asked = new Set<OrganizationId>();

  /** Null until known. */
  readonly timeZone = computed(() => {
    const organizationId = this.activeOrganization.organizationId();
    return organizationId ? (this.zones()[organizationId] ?? null) : null;
  });

  constructor() {
    effect(() => {
      const organizationId = this.activeOrganization.organizationId();
      if (organizationId) untracked(() => void this.load(organizationId));
    });
  }

  private async load(organizationId: OrganizationId): Promise<void> {
    if (this.asked.has(organizationId)) return;
    this.asked.add(organizationId);
    try {
      const organization = await this.organizations.get(organizationId);
      this.zones.update((zones) => ({ ...zones, [organizationId]: organization.timeZone }));
    } catch {
      // Times show in the reader's own zone meanwhile; the next page load asks again.
      this.asked.delete(organizationId);
    }
  }
}
