import { inject, Injectable, signal } from '@angular/core';
import type { Locale, OrganizationId } from '@kadens/shared/contracts';
import { readabilityTarget } from '@kadens/shared/rules';
import { OrganizationsApi } from '@kadens/web/data-access';

/** What the readability note needs of the organisation: the language its texts are in and its LIX target. */
export interface ReadabilityPreference {
  locale: Locale;
  target: number;
}

/** The organisation's readability preference, asked once per organisation and page load. */
@Injectable({ providedIn: 'root' })
export class ReadabilityPreferences {
  private readonly organizations = inject(OrganizationsApi);
  private readonly known = signal<Readonly<Record<OrganizationId, ReadabilityPreference>>>({});
  private readonly asked = new Set<OrganizationId>();

  /** The preference once known; null meanwhile (the note then shows no LIX). */
  of(organizationId: OrganizationId): ReadabilityPreference | null {
    return this.known()[organizationId] ?? null;
  }

  /** Asks the server, unless asked already; a failure only leaves the LIX unshown until the next page. */
  load(organizationId: OrganizationId): void {
    if (this.asked.has(organizationId)) return;
    this.asked.add(organizationId);
    this.organizations
      .get(organizationId)
      .then((organization) => {
        const preference = { locale: organization.defaultLocale, target: readabilityTarget(organization.readabilityTarget) };
        this.known.update((known) => ({ ...known, [organizationId]: preference }));
      })
      .catch(() => this.asked.delete(organizationId));
  }
}
