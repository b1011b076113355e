import { HttpClient, HttpErrorResponse } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  ExternalReviewDecisionRequest,
  ExternalReviewDecisionView,
  ExternalReviewPageView,
  ExternalReviewRequest,
  ExternalReviewView,
} from '@kadens/shared/contracts';
import { API_PREFIX } from '@kadens/web/data-access';
import { firstValueFrom } from 'rxjs';

const postPath = (organizationId: string, postId: string) =>
  `${API_PREFIX}/organizations/${encodeURIComponent(organizationId)}/posts/${encodeURIComponent(postId)}/external-reviews`;
const linkPath = (token: string) => `${API_PREFIX}/external-reviews/${encodeURIComponent(token)}`;

/** What a dead or unusable link means, as a key under `externalReview.dead`. */
export type DeadLink = 'expired' | 'revoked' | 'used' | 'stale' | 'notInReview' | 'unknown' | 'failed';

export function deadLinkOf(error: unknown): DeadLink {
  if (!(error instanceof HttpErrorResponse)) return 'failed';
  const code = (error.error as { code?: unknown } | null)?.code;
  switch (code) {
    case 'external_review_expired':
      return 'expired';
    case 'external_review_revoked':
      return 'revoked';
    case 'external_review_used':
      return 'used';
    case 'external_review_stale':
      return 'stale';
    case 'external_review_not_in_review':
      return 'notInReview';
    default:
      return error.status === 404 ? 'unknown' : 'failed';
  }
}

/** External sign-off by link: asking from the review screen, and the outside person's page. */
@Injectable({ providedIn: 'root' })
export class ExternalReviewApi {
  private readonly http = inject(HttpClient);

  list(organizationId: string, postId: string): Promise<ExternalReviewView[]> {
    return firstValueFrom(this.http.get<ExternalReviewView[]>(postPath(organizationId, postId)));
  }

  ask(organizationId: string, postId: string, request: ExternalReviewRequest): Promise<ExternalReviewView> {
    return firstValueFrom(this.http.post<ExternalReviewView>(postPath(organizationId, postId), request));
  }

  revoke(organizationId: string, postId: string, reviewId: string): Promise<void> {
    return firstValueFrom(this.http.delete<void>(`${postPath(organizationId, postId)}/${encodeURIComponent(reviewId)}`));
  }

  open(token: string): Promise<ExternalReviewPageView> {
    return firstValueFrom(this.http.get<ExternalReviewPageView>(linkPath(token)));
  }

  decide(token: string, request: ExternalReviewDecisionRequest): Promise<ExternalReviewDecisionView> {
    return firstValueFrom(this.http.post<ExternalReviewDecisionView>(`${linkPath(token)}/decision`, request));
  }
}
