import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  AcceptInvitationRequest,
  InvitationId,
  InvitationPreview,
  InvitationView,
  InviteMemberRequest,
  JoinedOrganizationView,
  MyInvitationView,
  OrganizationId,
} from '@kadens/shared/contracts';
import { firstValueFrom } from 'rxjs';

import { API_PATHS } from '../api/api-paths';

/**
 * Invitations, from both sides: an organisation's admins invite, send again and revoke; the invited
 * person sees theirs and accepts or declines, or — new to Kadens — accepts through the link's token.
 * Failures reject with the HttpErrorResponse.
 */
@Injectable({ providedIn: 'root' })
export class InvitationsApi {
  private readonly http = inject(HttpClient);

  list(organizationId: OrganizationId): Promise<InvitationView[]> {
    return firstValueFrom(this.http.get<InvitationView[]>(API_PATHS.invitations(organizationId)));
  }

  invite(organizationId: OrganizationId, request: InviteMemberRequest): Promise<InvitationView> {
    return firstValueFrom(this.http.post<InvitationView>(API_PATHS.invitations(organizationId), request));
  }

  resend(organizationId: OrganizationId, invitationId: InvitationId): Promise<InvitationView> {
    return firstValueFrom(this.http.post<InvitationView>(`${API_PATHS.invitation(organizationId, invitationId)}/resend`, null));
  }

  revoke(organizationId: OrganizationId, invitationId: InvitationId): Promise<void> {
    return firstValueFrom(this.http.delete<void>(API_PATHS.invitation(organizationId, invitationId)));
  }

  listMine(): Promise<MyInvitationView[]> {
    return firstValueFrom(this.http.get<MyInvitationView[]>(API_PATHS.myInvitations));
  }

  acceptMine(invitationId: InvitationId): Promise<JoinedOrganizationView> {
    return firstValueFrom(this.http.post<JoinedOrganizationView>(`${API_PATHS.myInvitation(invitationId)}/accept`, null));
  }

  declineMine(invitationId: InvitationId): Promise<void> {
    return firstValueFrom(this.http.post<void>(`${API_PATHS.myInvitation(invitationId)}/decline`, null));
  }

  /** What an invitation link leads to; 410 when the link no longer works. */
  lookup(token: string): Promise<InvitationPreview> {
    return firstValueFrom(this.http.post<InvitationPreview>(API_PATHS.invitationLookup, { token }));
  }

  /** Creates the account, joins and logs in (the API sets the session cookie). */
  acceptWithToken(request: AcceptInvitationRequest): Promise<JoinedOrganizationView> {
    return firstValueFrom(this.http.post<JoinedOrganizationView>(API_PATHS.invitationAccept, request));
  }
}
