import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  CreateOrganizationRequest,
  MemberView,
  OrganizationId,
  OrganizationView,
  UpdateMemberRequest,
  UpdateOrganizationRequest,
  UserId,
} from '@kadens/shared/contracts';
import { firstValueFrom } from 'rxjs';

import { API_PATHS } from '../api/api-paths';

/** Organisations and their members, as the API serves them. Failures reject with the HttpErrorResponse. */
@Injectable({ providedIn: 'root' })
export class OrganizationsApi {
  private readonly http = inject(HttpClient);

  create(request: CreateOrganizationRequest): Promise<OrganizationView> {
    return firstValueFrom(this.http.post<OrganizationView>(API_PATHS.organizations, request));
  }

  get(organizationId: OrganizationId): Promise<OrganizationView> {
    return firstValueFrom(this.http.get<OrganizationView>(API_PATHS.organization(organizationId)));
  }

  update(organizationId: OrganizationId, changes: UpdateOrganizationRequest): Promise<OrganizationView> {
    return firstValueFrom(this.http.patch<OrganizationView>(API_PATHS.organization(organizationId), changes));
  }

  listMembers(organizationId: OrganizationId): Promise<MemberView[]> {
    return firstValueFrom(this.http.get<MemberView[]>(API_PATHS.members(organizationId)));
  }

  changeMemberRole(organizationId: OrganizationId, userId: UserId, request: UpdateMemberRequest): Promise<MemberView> {
    return firstValueFrom(this.http.patch<MemberView>(API_PATHS.member(organizationId, userId), request));
  }

  removeMember(organizationId: OrganizationId, userId: UserId): Promise<void> {
    return firstValueFrom(this.http.delete<void>(API_PATHS.member(organizationId, userId)));
  }
}
