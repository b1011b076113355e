import { HttpClient, HttpErrorResponse } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { ChannelConnectionView, ConnectionTestResult, OrganizationId, SaveChannelConnectionRequest } from '@kadens/shared/contracts';
import { API_PATHS } from '@kadens/web/data-access';
import { firstValueFrom } from 'rxjs';

/** `/api/organizations/:organizationId/channels/:channelId/connection` */
function channelConnectionPath(organizationId: OrganizationId, channelId: string): string {
  return `${API_PATHS.organization(organizationId)}/channels/${encodeURIComponent(channelId)}/connection`;
}

/**
 * A channel's connection to its platform. Credentials go in and never come back: the view names the
 * stored ones only. Failures reject with the HttpErrorResponse; a refused field is a 400 whose `errors`
 * name it (credentials.accessToken, a page id under settings, baseUrl), a server without a credentials key
 * a 503 `credentials_key_missing`, credentials saved under another key a 409 `credentials_unreadable`.
 */
@Injectable({ providedIn: 'root' })
export class ChannelConnectionsApi {
  private readonly http = inject(HttpClient);

  /** Every connected channel's connection in one request; a channel that is not listed has none. */
  list(organizationId: OrganizationId): Promise<ChannelConnectionView[]> {
    return firstValueFrom(this.http.get<ChannelConnectionView[]>(`${API_PATHS.organization(organizationId)}/channel-connections`));
  }

  /** Null when the channel has no connection (the API's 404 `connection_not_found`). */
  async get(organizationId: OrganizationId, channelId: string): Promise<ChannelConnectionView | null> {
    try {
      return await firstValueFrom(this.http.get<ChannelConnectionView>(channelConnectionPath(organizationId, channelId)));
    } catch (error) {
      if (
        error instanceof HttpErrorResponse &&
        error.status === 404 &&
        (error.error as { code?: unknown } | null)?.code === 'connection_not_found'
      )
        return null;
      throw error;
    }
  }

  save(organizationId: OrganizationId, channelId: string, request: SaveChannelConnectionRequest): Promise<ChannelConnectionView> {
    return firstValueFrom(this.http.put<ChannelConnectionView>(channelConnectionPath(organizationId, channelId), request));
  }

  remove(organizationId: OrganizationId, channelId: string): Promise<void> {
    return firstValueFrom(this.http.delete<void>(channelConnectionPath(organizationId, channelId)));
  }

  /**
   * Where to send the browser to sign in with the channel's platform (single use, 10 minutes). A 400
   * naming `platform` when this installation has no app for it (`oauth_not_configured`) or the platform
   * has no sign-in flow (`oauth_not_supported`); naming `instanceUrl` (Mastodon) or `siteUrl` (WordPress) when
   * the address cannot be used.
   */
  authorize(
    organizationId: OrganizationId,
    channelId: string,
    address: { instanceUrl: string } | { siteUrl: string } | null,
  ): Promise<{ authorizeUrl: string }> {
    return firstValueFrom(
      this.http.post<{ authorizeUrl: string }>(`${channelConnectionPath(organizationId, channelId)}/authorize`, address ?? {}),
    );
  }

  /**
   * Bluesky: signs in with the handle and an app password (used once, never stored) and answers the
   * stored connection. A 400 naming `appPassword` (code `sign_in_refused`) or `pdsUrl`; 502 `platform_unreachable`.
   */
  signInWithAppPassword(
    organizationId: OrganizationId,
    channelId: string,
    request: { identifier: string; appPassword: string; pdsUrl?: string },
  ): Promise<ChannelConnectionView> {
    return firstValueFrom(
      this.http.post<ChannelConnectionView>(`${channelConnectionPath(organizationId, channelId)}/app-password`, request),
    );
  }

  /** A refusal by the platform is an answer (`ok: false`), not a rejection. */
  test(organizationId: OrganizationId, channelId: string): Promise<ConnectionTestResult> {
    return firstValueFrom(this.http.post<ConnectionTestResult>(`${channelConnectionPath(organizationId, channelId)}/test`, {}));
  }
}
