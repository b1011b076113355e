import { inject, Injectable } from '@angular/core';
import type { CalendarEntry, ChannelView, OrganizationId, PostView } from '@kadens/shared/contracts';
import { PlanningProblems } from '@kadens/web/composer';
import { PostsApi } from '@kadens/web/data-access';
import { ProblemNotifier } from '@kadens/web/ui';

/** The part of FullCalendar's drop info the move needs; the calendar hands in the real one. */
export interface PostDrop {
  event: { id: string; title: string; start: Date | null };
  /** Puts the event back where it was. */
  revert(): void;
}

/**
 * A dragged post asks the server to move it; the server decides. When it refuses (delivery has
 * started, a channel's rules, a network failure…) the post springs back and the reason is shown.
 */
@Injectable({ providedIn: 'root' })
export class CalendarPostMover {
  private readonly posts = inject(PostsApi);
  private readonly problems = inject(PlanningProblems);
  private readonly notifier = inject(ProblemNotifier);

  /** Resolves with the moved post, or null when it sprang back. */
  async move(organizationId: OrganizationId, drop: PostDrop, channels: readonly ChannelView[]): Promise<PostView | null> {
    const start = drop.event.start;
    if (!start) {
      drop.revert();
      return null;
    }
    try {
      const post = await this.posts.move(organizationId, drop.event.id, start.toISOString());
      this.notifier.announce('planning.calendar.moved', { title: post.title });
      return post;
    } catch (error) {
      drop.revert();
      this.problems.report(error, channels);
      return null;
    }
  }
}

/** The calendar entry with the moved post's new time. */
export function withPlannedAt(entries: readonly CalendarEntry[], post: PostView): CalendarEntry[] {
  return entries.map((entry) => (entry.id === post.id && post.plannedAt ? { ...entry, plannedAt: post.plannedAt } : entry));
}
