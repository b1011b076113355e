import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  ApprovalPolicyUpdate,
  ApprovalPolicyView,
  ChecklistItemInput,
  ChecklistItemUpdate,
  ChecklistItemView,
  OrganizationId,
} from '@kadens/shared/contracts';
import { firstValueFrom } from 'rxjs';

import { APPROVALS_API_PATHS } from './approvals-api-paths';

/** How much sign-off posts need, and the review checklist. Changing either needs organization.update. */
@Injectable({ providedIn: 'root' })
export class ApprovalSettingsApi {
  private readonly http = inject(HttpClient);

  policy(organizationId: OrganizationId): Promise<ApprovalPolicyView> {
    return firstValueFrom(this.http.get<ApprovalPolicyView>(APPROVALS_API_PATHS.policy(organizationId)));
  }

  updatePolicy(organizationId: OrganizationId, changes: ApprovalPolicyUpdate): Promise<ApprovalPolicyView> {
    return firstValueFrom(this.http.patch<ApprovalPolicyView>(APPROVALS_API_PATHS.policy(organizationId), changes));
  }

  /** In their order; archived items only when asked for. */
  checklist(organizationId: OrganizationId, includeArchived = false): Promise<ChecklistItemView[]> {
    const params: Record<string, string> = includeArchived ? { includeArchived: 'true' } : {};
    return firstValueFrom(this.http.get<ChecklistItemView[]>(APPROVALS_API_PATHS.checklist(organizationId), { params }));
  }

  addChecklistItem(organizationId: OrganizationId, input: ChecklistItemInput): Promise<ChecklistItemView> {
    return firstValueFrom(this.http.post<ChecklistItemView>(APPROVALS_API_PATHS.checklist(organizationId), input));
  }

  /** Rewords, (un)requires, moves, archives (`{ archived: true }`) or restores an item. */
  updateChecklistItem(organizationId: OrganizationId, itemId: string, changes: ChecklistItemUpdate): Promise<ChecklistItemView> {
    return firstValueFrom(this.http.patch<ChecklistItemView>(APPROVALS_API_PATHS.checklistItem(organizationId, itemId), changes));
  }
}
