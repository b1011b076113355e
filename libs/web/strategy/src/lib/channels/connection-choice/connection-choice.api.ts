import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { ChannelConnectionView, ChooseConnectionRequest, ConnectionChoicesView } from '@kadens/shared/contracts';
import { API_PATHS } from '@kadens/web/data-access';
import { firstValueFrom } from 'rxjs';

/** `/api/organizations/:organizationId/channels/:channelId/connection/choices/:signInId` */
function choicesPath(organizationId: string, channelId: string, signInId: string): string {
  return `${API_PATHS.organization(organizationId)}/channels/${encodeURIComponent(channelId)}/connection/choices/${encodeURIComponent(signInId)}`;
}

/**
 * The accounts a finished sign-in found (Facebook pages, Instagram accounts, LinkedIn organisations)
 * and picking one. Failures reject with the HttpErrorResponse: 404 `connection_choice_not_found`
 * (another session's or channel's sign-in), 410 `connection_choice_expired` / `connection_choice_used`,
 * 502 `account_unreadable` (the platform refused the account's token).
 */
@Injectable({ providedIn: 'root' })
export class ConnectionChoiceApi {
  private readonly http = inject(HttpClient);

  choices(organizationId: string, channelId: string, signInId: string): Promise<ConnectionChoicesView> {
    return firstValueFrom(this.http.get<ConnectionChoicesView>(choicesPath(organizationId, channelId, signInId)));
  }

  choose(organizationId: string, channelId: string, signInId: string, choiceId: string): Promise<ChannelConnectionView> {
    const body: ChooseConnectionRequest = { choiceId };
    return firstValueFrom(this.http.post<ChannelConnectionView>(choicesPath(organizationId, channelId, signInId), body));
  }
}
