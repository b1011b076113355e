import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  ApproveRequest,
  AuditEventView,
  CommentView,
  InboxEntry,
  OrganizationId,
  PostView,
  RequestChangesRequest,
  ReviewSummary,
} from '@kadens/shared/contracts';
import { firstValueFrom } from 'rxjs';

import { APPROVALS_API_PATHS } from './approvals-api-paths';

/** Filters of the organisation's audit log (admins); newest first, paged backwards with `before`. */
interface AuditQuery {
  subjectType?: 'post' | 'member' | 'organization' | 'channel' | 'checklist_item';
  subjectId?: string;
  before?: string;
  limit?: number;
}

/** Sign-off on posts as the API serves it. Failures reject with the HttpErrorResponse. */
@Injectable({ providedIn: 'root' })
export class ApprovalsApi {
  private readonly http = inject(HttpClient);

  /** Posts waiting for the caller's approval, soonest due first (needs posts.approve). */
  inbox(organizationId: OrganizationId): Promise<InboxEntry[]> {
    return firstValueFrom(this.http.get<InboxEntry[]>(APPROVALS_API_PATHS.inbox(organizationId)));
  }

  review(organizationId: OrganizationId, postId: string): Promise<ReviewSummary> {
    return firstValueFrom(this.http.get<ReviewSummary>(APPROVALS_API_PATHS.review(organizationId, postId)));
  }

  submit(organizationId: OrganizationId, postId: string): Promise<PostView> {
    return firstValueFrom(this.http.post<PostView>(APPROVALS_API_PATHS.decision(organizationId, postId, 'submit'), {}));
  }

  /** Names the revision the approver saw; a newer one answers 409 `stale_revision`. */
  approve(organizationId: OrganizationId, postId: string, request: ApproveRequest): Promise<PostView> {
    return firstValueFrom(this.http.post<PostView>(APPROVALS_API_PATHS.decision(organizationId, postId, 'approve'), request));
  }

  requestChanges(organizationId: OrganizationId, postId: string, request: RequestChangesRequest): Promise<PostView> {
    return firstValueFrom(this.http.post<PostView>(APPROVALS_API_PATHS.decision(organizationId, postId, 'request-changes'), request));
  }

  cancel(organizationId: OrganizationId, postId: string, reason?: string): Promise<PostView> {
    const body = reason?.trim() ? { reason: reason.trim() } : {};
    return firstValueFrom(this.http.post<PostView>(APPROVALS_API_PATHS.decision(organizationId, postId, 'cancel'), body));
  }

  /** Oldest first, as a conversation reads. */
  comments(organizationId: OrganizationId, postId: string): Promise<CommentView[]> {
    return firstValueFrom(this.http.get<CommentView[]>(APPROVALS_API_PATHS.comments(organizationId, postId)));
  }

  addComment(organizationId: OrganizationId, postId: string, body: string): Promise<CommentView> {
    return firstValueFrom(this.http.post<CommentView>(APPROVALS_API_PATHS.comments(organizationId, postId), { body }));
  }

  /** The post's audit events, newest first. */
  history(organizationId: OrganizationId, postId: string): Promise<AuditEventView[]> {
    return firstValueFrom(this.http.get<AuditEventView[]>(APPROVALS_API_PATHS.history(organizationId, postId)));
  }

  /** The organisation's audit log (needs audit.read). */
  audit(organizationId: OrganizationId, query: AuditQuery = {}): Promise<AuditEventView[]> {
    const params: Record<string, string> = {};
    for (const [name, value] of Object.entries(query)) if (value !== undefined) params[name] = String(value);
    return firstValueFrom(this.http.get<AuditEventView[]>(APPROVALS_API_PATHS.audit(organizationId), { params }));
  }
}
