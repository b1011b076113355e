import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import type { ChannelView, PostView, Violation } from '@kadens/shared/contracts';
import { wordViolations, ZonedDateTimePipe } from '@kadens/web/util';

/**
 * The channels' promises the post's time breaks, in the planning scope's words (the same the composer
 * and the calendar use); and an override, if someone made one.
 */
@Component({
  selector: 'kd-post-violations',
  imports: [TranslocoPipe, ZonedDateTimePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (!post().plannedAt) {
      <p>{{ 'approvals.rules.noTime' | transloco }}</p>
    } @else {
      <ul class="violations">
        @for (item of worded(); track $index) {
          <li class="violation" [class.violation--block]="item.blocking" data-testid="review-violation" [attr.data-rule]="item.rule">
            <span class="violation__severity">{{ (item.blocking ? 'approvals.rules.blocks' : 'approvals.rules.warns') | transloco }}</span>
            {{ item.key | transloco: item.params }}
          </li>
        } @empty {
          <li data-testid="review-no-violations">{{ 'approvals.rules.none' | transloco }}</li>
        }
      </ul>
    }
    @if (post().ruleOverride; as override) {
      <p class="override" data-testid="review-override">
        {{ 'approvals.rules.overridden' | transloco: { time: (override.at | zonedDateTime: timeZone() : language()) } }}
        <q>{{ override.reason }}</q>
      </p>
    }
  `,
  styles: `
    .violations {
      margin: 0;
      padding: 0;
      list-style: none;
      display: flex;
      flex-direction: column;
      gap: 0.5rem;
    }
    .violation {
      padding: 0.5rem 0.75rem;
      border-left: 4px solid #b26a00;
      background: #fff3cd;
      color: #4a3400;
    }
    .violation--block {
      border-color: var(--mat-sys-error);
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
    .violation__severity {
      font-weight: 600;
      margin-inline-end: 0.25rem;
    }
    .override {
      margin: 0.75rem 0 0;
    }
  `,
})
export class PostViolationsComponent {
  readonly post = input.required<PostView>();
  readonly violations = input.required<readonly Violation[]>();
  readonly channels = input.required<readonly ChannelView[]>();
  readonly timeZone = input.required<string>();
  readonly language = input.required<string>();

  protected readonly worded = computed(() =>
    wordViolations(this.violations(), { channels: this.channels(), timeZone: this.timeZone() }, this.language()).map((worded) => ({
      ...worded,
      blocking: worded.severity === 'block',
    })),
  );
}
