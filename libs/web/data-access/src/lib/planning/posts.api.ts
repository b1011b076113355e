import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  OrganizationId,
  PostInput,
  PostMove,
  PostRevisionView,
  PostUpdate,
  PostView,
  RuleOverrideInput,
} from '@kadens/shared/contracts';
import { firstValueFrom } from 'rxjs';

import { PLANNING_API_PATHS } from './planning-api-paths';

/** Posts as the API serves them. Failures reject with the HttpErrorResponse. */
@Injectable({ providedIn: 'root' })
export class PostsApi {
  private readonly http = inject(HttpClient);

  create(organizationId: OrganizationId, input: PostInput): Promise<PostView> {
    return firstValueFrom(this.http.post<PostView>(PLANNING_API_PATHS.posts(organizationId), input));
  }

  get(organizationId: OrganizationId, postId: string): Promise<PostView> {
    return firstValueFrom(this.http.get<PostView>(PLANNING_API_PATHS.post(organizationId, postId)));
  }

  /** Only the fields given change; null clears the link, the initiative or the planned time. */
  update(organizationId: OrganizationId, postId: string, changes: PostUpdate): Promise<PostView> {
    return firstValueFrom(this.http.patch<PostView>(PLANNING_API_PATHS.post(organizationId, postId), changes));
  }

  /**
   * Changes only the time (the calendar's drag), keeping the revision. With `ruleOverride` an approver
   * or admin moves it despite the channels' blocking rules.
   */
  move(organizationId: OrganizationId, postId: string, plannedAt: string, ruleOverride?: RuleOverrideInput): Promise<PostView> {
    const body: PostMove = ruleOverride ? { plannedAt, ruleOverride } : { plannedAt };
    return firstValueFrom(this.http.post<PostView>(PLANNING_API_PATHS.postMove(organizationId, postId), body));
  }

  remove(organizationId: OrganizationId, postId: string): Promise<void> {
    return firstValueFrom(this.http.delete<void>(PLANNING_API_PATHS.post(organizationId, postId)));
  }

  /** Every saved revision, newest first. */
  revisions(organizationId: OrganizationId, postId: string): Promise<PostRevisionView[]> {
    return firstValueFrom(this.http.get<PostRevisionView[]>(PLANNING_API_PATHS.postRevisions(organizationId, postId)));
  }
}
