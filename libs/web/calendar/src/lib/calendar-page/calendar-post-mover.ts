import { inject, Injectable } from '@angular/core';
import type { CalendarEntry, PostView, Violation } from '@kadens/shared/contracts';
import { ActiveOrganization, blockingViolations, COMPOSER, type PlanningCatalog, PostsApi } from '@kadens/web/data-access';
import { ProblemNotifier } from '@kadens/web/ui';

/** The part of FullCalendar's drop info the move needs; the calendar hands in the real one. */
export interface PostDrop {
  event: { id: string; title: string; start: Date | null };
  /** Puts the event back where it was. */
  revert(): void;
}

/**
 * A dragged post asks the server to move it; the server decides. When it refuses (delivery has
 * started, a channel's rules, a network failure…) the post springs back and the reason is shown —
 * except that an approver or admin, refused by a channel's rules, is offered to override them with a
 * reason; the post waits where it was dropped for their answer.
 */
// Provided by the calendar page: it asks the composer (COMPOSER), which the app provides on the organisation's route.
@Injectable()
export class CalendarPostMover {
  private readonly posts = inject(PostsApi);
  private readonly notifier = inject(ProblemNotifier);
  /** The composer's dialogs: the reason for an override, and why a change was refused. */
  private readonly composer = inject(COMPOSER);
  private readonly activeOrganization = inject(ActiveOrganization);

  /** Resolves with the moved post, or null when it sprang back. */
  async move(catalog: PlanningCatalog, drop: PostDrop): Promise<PostView | null> {
    const start = drop.event.start;
    if (!start) {
      drop.revert();
      return null;
    }
    const plannedAt = start.toISOString();
    try {
      const post = await this.posts.move(catalog.organizationId, drop.event.id, plannedAt);
      this.notifier.announce('planning.calendar.moved', { title: post.title });
      return post;
    } catch (error) {
      const violations = blockingViolations(error);
      if (violations.length > 0 && this.activeOrganization.can('rules.override')) {
        return this.overrideAndMove(catalog, drop, plannedAt, violations);
      }
      drop.revert();
      this.composer.reportPlanningProblem(error, catalog);
      return null;
    }
  }

  private async overrideAndMove(
    catalog: PlanningCatalog,
    drop: PostDrop,
    plannedAt: string,
    violations: readonly Violation[],
  ): Promise<PostView | null> {
    const reason = await this.composer.askRuleOverride(violations, catalog);
    if (!reason) {
      drop.revert();
      return null;
    }
    try {
      const post = await this.posts.move(catalog.organizationId, drop.event.id, plannedAt, { reason });
      this.notifier.announce('planning.calendar.overridden', { title: post.title });
      return post;
    } catch (error) {
      drop.revert();
      this.composer.reportPlanningProblem(error, catalog);
      return null;
    }
  }
}

/** The calendar entry with the moved post's new time. */
export function withPlannedAt(entries: readonly CalendarEntry[], post: PostView): CalendarEntry[] {
  return entries.map((entry) => (entry.id === post.id && post.plannedAt ? { ...entry, plannedAt: post.plannedAt } : entry));
}
