import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  AttentionItem,
  ChannelConnectionView,
  MarkPublishedRequest,
  OrganizationId,
  PauseRequest,
  PublishAttemptView,
  PublishingStatus,
  RescheduleTargetRequest,
  TargetCheck,
  TargetDelivery,
} from '@kadens/shared/contracts';
import { firstValueFrom } from 'rxjs';

import { PUBLISHING_API_PATHS } from './publishing-api-paths';

/**
 * Publishing as the API serves it: the crisis switch (admins), the needs-attention list and what a
 * person can do about a target (editors, approvers, admins), and each target's delivery and attempts.
 * Failures reject with the HttpErrorResponse. The actions' answers are not read: the screens load the
 * list again, and the live stream tells everyone else.
 */
@Injectable({ providedIn: 'root' })
export class PublishingApi {
  private readonly http = inject(HttpClient);

  /** Every connected channel's connection (who, which account, until when); not connected channels are not listed. */
  channelConnections(organizationId: OrganizationId): Promise<ChannelConnectionView[]> {
    return firstValueFrom(this.http.get<ChannelConnectionView[]>(PUBLISHING_API_PATHS.channelConnections(organizationId)));
  }

  status(organizationId: OrganizationId): Promise<PublishingStatus> {
    return firstValueFrom(this.http.get<PublishingStatus>(PUBLISHING_API_PATHS.status(organizationId)));
  }

  /** Stops all publishing in the organisation until an admin resumes it. */
  async pause(organizationId: OrganizationId, reason: string): Promise<void> {
    const body: PauseRequest = { reason };
    await firstValueFrom(this.http.put<unknown>(PUBLISHING_API_PATHS.pause(organizationId), body));
  }

  async resume(organizationId: OrganizationId): Promise<void> {
    await firstValueFrom(this.http.delete<unknown>(PUBLISHING_API_PATHS.pause(organizationId)));
  }

  async pauseChannel(organizationId: OrganizationId, channelId: string, reason: string): Promise<void> {
    const body: PauseRequest = { reason };
    await firstValueFrom(this.http.put<unknown>(PUBLISHING_API_PATHS.channelPause(organizationId, channelId), body));
  }

  async resumeChannel(organizationId: OrganizationId, channelId: string): Promise<void> {
    await firstValueFrom(this.http.delete<unknown>(PUBLISHING_API_PATHS.channelPause(organizationId, channelId)));
  }

  /** Targets a person must look at: failed, unconfirmed, expired, held, or on a channel to reconnect. */
  attention(organizationId: OrganizationId): Promise<AttentionItem[]> {
    return firstValueFrom(this.http.get<AttentionItem[]>(PUBLISHING_API_PATHS.attention(organizationId)));
  }

  /** Asks the platform now whether an unconfirmed target's post is there; only `found` changes the target. */
  checkAgain(organizationId: OrganizationId, targetId: string): Promise<TargetCheck> {
    return firstValueFrom(this.http.post<TargetCheck>(PUBLISHING_API_PATHS.targetAction(organizationId, targetId, 'check-again'), {}));
  }

  async retry(organizationId: OrganizationId, targetId: string): Promise<void> {
    await firstValueFrom(this.http.post<unknown>(PUBLISHING_API_PATHS.targetAction(organizationId, targetId, 'retry'), {}));
  }

  async publishNow(organizationId: OrganizationId, targetId: string): Promise<void> {
    await firstValueFrom(this.http.post<unknown>(PUBLISHING_API_PATHS.targetAction(organizationId, targetId, 'publish-now'), {}));
  }

  /** A person says the post is on the platform; the URL and note only when given. */
  async markPublished(organizationId: OrganizationId, targetId: string, request: MarkPublishedRequest = {}): Promise<void> {
    const body: MarkPublishedRequest = {};
    if (request.url?.trim()) body.url = request.url.trim();
    if (request.note?.trim()) body.note = request.note.trim();
    await firstValueFrom(this.http.post<unknown>(PUBLISHING_API_PATHS.targetAction(organizationId, targetId, 'mark-published'), body));
  }

  /** `at` is an ISO instant in the future. */
  async reschedule(organizationId: OrganizationId, targetId: string, at: string): Promise<void> {
    const body: RescheduleTargetRequest = { at };
    await firstValueFrom(this.http.post<unknown>(PUBLISHING_API_PATHS.targetAction(organizationId, targetId, 'reschedule'), body));
  }

  /** Each of a post's targets: its delivery state, link, last error and next try. */
  deliveries(organizationId: OrganizationId, postId: string): Promise<TargetDelivery[]> {
    return firstValueFrom(this.http.get<TargetDelivery[]>(PUBLISHING_API_PATHS.deliveries(organizationId, postId)));
  }

  attempts(organizationId: OrganizationId, targetId: string): Promise<PublishAttemptView[]> {
    return firstValueFrom(this.http.get<PublishAttemptView[]>(PUBLISHING_API_PATHS.attempts(organizationId, targetId)));
  }
}
