import { computed, effect, inject, Injectable, signal, untracked } from '@angular/core';
import type { OrganizationId } from '@kadens/shared/contracts';

import { ActiveOrganization } from './active-organization.store';
import { OrganizationsApi } from './organizations.api';

/**
 * The organisation's IANA zone, which every time on every screen is shown and entered in: the one
 * place the web asks for it. The active organisation's zone is asked for once it is chosen; a page
 * that must not show a stale zone (one that was just changed in the settings) asks again with `refresh`.
 */
@Injectable({ providedIn: 'root' })
export class OrganizationTimeZone {
  private readonly organizations = inject(OrganizationsApi);
  private readonly activeOrganization = inject(ActiveOrganization);
  private readonly zones = signal<Readonly<Record<OrganizationId, string>>>({});
  private readonly asked = new Set<OrganizationId>();
  /** A question on its way, shared by everyone who asks meanwhile. */
  private readonly pending = new Map<OrganizationId, Promise<string>>();

  /** The active organisation's zone; null until known. */
  readonly timeZone = computed(() => {
    const organizationId = this.activeOrganization.organizationId();
    return organizationId ? (this.zones()[organizationId] ?? null) : null;
  });

  constructor() {
    effect(() => {
      const organizationId = this.activeOrganization.organizationId();
      if (organizationId && !this.asked.has(organizationId)) untracked(() => void this.refresh(organizationId).catch(() => undefined));
    });
  }

  /** Asks the server for the organisation's zone and remembers it; rejects when the server cannot say. */
  refresh(organizationId: OrganizationId): Promise<string> {
    const pending = this.pending.get(organizationId);
    if (pending) return pending;
    this.asked.add(organizationId);
    const asking = this.organizations
      .get(organizationId)
      .then(({ timeZone }) => {
        this.zones.update((zones) => ({ ...zones, [organizationId]: timeZone }));
        return timeZone;
      })
      .catch((error: unknown) => {
        // Times stay unshown meanwhile; the next page asks again.
        this.asked.delete(organizationId);
        throw error;
      })
      .finally(() => this.pending.delete(organizationId));
    this.pending.set(organizationId, asking);
    return asking;
  }
}
