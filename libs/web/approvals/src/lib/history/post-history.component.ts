import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import type { AuditEventView } from '@kadens/shared/contracts';
import { ZonedDateTimePipe } from '@kadens/web/util';

import { TextOrKeyPipe } from '../shared/text-or-key.pipe';
import { describeAuditEvent } from './history-wording';

/** A post's history as a timeline, newest first: every submission, decision, edit and comment. */
@Component({
  selector: 'kd-post-history',
  imports: [TranslocoPipe, TextOrKeyPipe, ZonedDateTimePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ol class="timeline">
      @for (line of lines(); track line.id) {
        <li class="event" data-testid="history-entry" [attr.data-action]="line.action">
          <time class="event__time" [attr.datetime]="line.createdAt">{{ line.createdAt | zonedDateTime: timeZone() : language() }}</time>
          <span class="event__text">{{ line.text | textOrKey }}</span>
          @if (line.note) {
            <q class="event__note">{{ line.note }}</q>
          }
        </li>
      } @empty {
        <li>{{ 'approvals.history.none' | transloco }}</li>
      }
    </ol>
  `,
  styles: `
    .timeline {
      margin: 0;
      padding: 0 0 0 1rem;
      list-style: none;
      border-left: 2px solid var(--mat-sys-outline-variant);
      display: flex;
      flex-direction: column;
      gap: 0.75rem;
    }
    .event {
      display: flex;
      flex-direction: column;
    }
    .event__time {
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-label-medium);
    }
    .event__note {
      font-style: italic;
      white-space: pre-wrap;
    }
  `,
})
export class PostHistoryComponent {
  readonly events = input.required<readonly AuditEventView[]>();
  readonly timeZone = input.required<string | null>();
  readonly language = input.required<string>();

  protected readonly lines = computed(() =>
    this.events().map((event) => ({ id: event.id, action: event.action, createdAt: event.createdAt, ...describeAuditEvent(event) })),
  );
}
