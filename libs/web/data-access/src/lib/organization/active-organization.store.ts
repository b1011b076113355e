import { computed, inject, Injectable, signal } from '@angular/core';
import type { MembershipView, OrganizationId } from '@kadens/shared/contracts';
import { hasPermission, type Permission } from '@kadens/shared/rules';

import { BROWSER_STORAGE } from '../browser-storage';
import { SessionStore } from '../session/session.store';

export const ACTIVE_ORGANIZATION_STORAGE_KEY = 'kadens.activeOrganizationId';

/**
 * The organisation the user is working in. The URL (`/o/:organizationId/...`) is the truth while inside
 * an organisation; the last one chosen is remembered so the next visit opens it again.
 */
@Injectable({ providedIn: 'root' })
export class ActiveOrganization {
  private readonly session = inject(SessionStore);
  private readonly storage = inject(BROWSER_STORAGE);
  private readonly selectedId = signal<OrganizationId | null>(this.readRemembered());

  /** The membership in the selected organisation, else in the first one the user belongs to. */
  readonly membership = computed<MembershipView | null>(() => {
    const memberships = this.session.memberships();
    return memberships.find((m) => m.organizationId === this.selectedId()) ?? memberships[0] ?? null;
  });
  readonly organizationId = computed(() => this.membership()?.organizationId ?? null);
  readonly role = computed(() => this.membership()?.role ?? null);

  /** Whether the user's role in the active organisation allows `permission`. */
  can(permission: Permission): boolean {
    return hasPermission(this.role(), permission);
  }

  isMemberOf(organizationId: OrganizationId): boolean {
    return this.session.memberships().some((m) => m.organizationId === organizationId);
  }

  select(organizationId: OrganizationId): void {
    this.selectedId.set(organizationId);
    try {
      this.storage?.setItem(ACTIVE_ORGANIZATION_STORAGE_KEY, organizationId);
    } catch {
      // Storage full or refused: the choice still holds for this page load.
    }
  }

  private readRemembered(): OrganizationId | null {
    try {
      return this.storage?.getItem(ACTIVE_ORGANIZATION_STORAGE_KEY) ?? null;
    } catch {
      return null;
    }
  }
}
