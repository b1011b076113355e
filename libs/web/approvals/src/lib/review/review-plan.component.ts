import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import type { ReviewPlanView } from '@kadens/shared/contracts';

/**
 * What the post is about (theme), for whom (audiences) and what kind it is (content type), for the
 * checklist's first question. The theme's colour sits beside its name, never in place of it.
 */
@Component({
  selector: 'kd-review-plan',
  imports: [TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <dl class="plan">
      <dt>{{ 'approvals.plan.theme' | transloco }}</dt>
      <dd data-testid="review-theme">
        <span class="theme-chip">
          @if (plan().theme.color) {
            <span class="theme-chip__swatch" aria-hidden="true" [style.background]="plan().theme.color"></span>
          }
          {{ plan().theme.name }}
        </span>
      </dd>
      <dt>{{ 'approvals.plan.audiences' | transloco }}</dt>
      <dd data-testid="review-audiences">
        @for (audience of plan().audiences; track audience.id; let last = $last) {
          {{ audience.name }}{{ last ? '' : ', ' }}
        } @empty {
          {{ 'approvals.plan.noAudiences' | transloco }}
        }
      </dd>
      <dt>{{ 'approvals.plan.contentType' | transloco }}</dt>
      <dd data-testid="review-content-type">
        {{ plan().contentType.key ? ('planning.contentTypes.' + plan().contentType.key | transloco) : plan().contentType.name }}
      </dd>
    </dl>
  `,
  styles: `
    .plan {
      display: grid;
      grid-template-columns: max-content 1fr;
      gap: 0.375rem 1rem;
      margin: 0;
    }
    dt {
      font: var(--mat-sys-label-large);
      color: var(--mat-sys-on-surface-variant);
    }
    dd {
      margin: 0;
      overflow-wrap: anywhere;
    }
    .theme-chip {
      display: inline-flex;
      align-items: center;
      gap: 0.375rem;
      padding: 0.0625rem 0.5rem;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 999px;
    }
    .theme-chip__swatch {
      width: 0.75rem;
      height: 0.75rem;
      border-radius: 50%;
      border: 1px solid var(--mat-sys-outline);
    }
    @media (max-width: 480px) {
      .plan {
        grid-template-columns: 1fr;
      }
      dd {
        margin-bottom: 0.25rem;
      }
    }
  `,
})
export class ReviewPlanComponent {
  readonly plan = input.required<ReviewPlanView>();
}
