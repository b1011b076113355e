import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import type { AudienceGoalEvaluation, EffectGoalPeriod } from '@kadens/shared/contracts';

import { periodName } from '../view/evaluation-periods';
import { numberText } from '../view/evaluation-sentences';

/** Each audience's effect goal against its target, per goal period starting in the evaluated one. */
@Component({
  selector: 'kd-evaluation-goals',
  imports: [TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section aria-labelledby="evaluation-goals-title" data-testid="evaluation-goals">
      <h2 id="evaluation-goals-title">{{ 'evaluation.goals.title' | transloco }}</h2>
      @if (goals().length === 0) {
        <p>{{ 'evaluation.goals.none' | transloco }}</p>
      } @else {
        <div class="table-wrap" tabindex="0" role="region" [attr.aria-label]="'evaluation.goals.table.caption' | transloco">
          <table class="evaluation-table">
            <caption>
              {{
                'evaluation.goals.table.caption' | transloco
              }}
            </caption>
            <thead>
              <tr>
                <th scope="col">{{ 'evaluation.goals.table.audience' | transloco }}</th>
                <th scope="col">{{ 'evaluation.goals.table.target' | transloco }}</th>
                <th scope="col">{{ 'evaluation.goals.table.period' | transloco }}</th>
                <th scope="col" class="num">{{ 'evaluation.goals.table.value' | transloco }}</th>
                <th scope="col">{{ 'evaluation.goals.table.met' | transloco }}</th>
              </tr>
            </thead>
            <tbody>
              @for (goal of goals(); track goal.audienceId) {
                @for (period of rowsOf(goal); track $index; let first = $first) {
                  <tr>
                    @if (first) {
                      <th scope="row" [attr.rowspan]="rowsOf(goal).length">
                        {{ goal.name }}
                        @if (goal.effectGoal) {
                          <span class="goal-text">{{ goal.effectGoal }}</span>
                        }
                      </th>
                      <td [attr.rowspan]="rowsOf(goal).length">
                        @if (goal.target; as target) {
                          {{
                            'evaluation.goals.targetText'
                              | transloco
                                : {
                                    value: number(target.value),
                                    metric: target.metric,
                                    period: ('evaluation.goals.per.' + target.period | transloco),
                                  }
                          }}
                        } @else {
                          {{ 'evaluation.goals.noTarget' | transloco }}
                        }
                      </td>
                    }
                    @if (period) {
                      <td>{{ periodText(period) }}</td>
                      <td class="num">{{ period.value === null ? ('evaluation.goals.notEntered' | transloco) : number(period.value) }}</td>
                      <td>
                        @if (period.met !== null) {
                          {{ (period.met ? 'evaluation.goals.met' : 'evaluation.goals.notMet') | transloco }}
                        }
                      </td>
                    } @else if (goal.target) {
                      <td colspan="3">{{ 'evaluation.goals.noPeriod' | transloco }}</td>
                    } @else {
                      <td colspan="3"></td>
                    }
                  </tr>
                }
              }
            </tbody>
          </table>
        </div>
      }
    </section>
  `,
  styles: ['.goal-text { display: block; font-weight: normal; color: var(--mat-sys-on-surface-variant); }'],
  styleUrl: './_evaluation-section.scss',
})
export class EvaluationGoalsComponent {
  readonly goals = input.required<AudienceGoalEvaluation[]>();
  readonly locale = input.required<string>();

  /** One row per goal period; one empty row when none starts in the evaluated period. */
  protected rowsOf(goal: AudienceGoalEvaluation): Array<EffectGoalPeriod | null> {
    return goal.periods.length > 0 ? goal.periods : [null];
  }

  protected periodText(period: EffectGoalPeriod): string {
    return /^\d{4}-\d{2}$/.test(period.period) ? periodName(period.period, this.locale(), () => period.period) : period.period;
  }

  protected number(value: number): string {
    return numberText(value, this.locale()) ?? '';
  }
}
