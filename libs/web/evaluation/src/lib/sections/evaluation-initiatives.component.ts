import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import type { InitiativesEvaluation } from '@kadens/shared/contracts';

import { numberText } from '../view/evaluation-sentences';

/** The initiatives' planned hours against the capacity, and what each one published. */
@Component({
  selector: 'kd-evaluation-initiatives',
  imports: [TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section aria-labelledby="evaluation-initiatives-title" data-testid="evaluation-initiatives">
      <h2 id="evaluation-initiatives-title">{{ 'evaluation.initiatives.title' | transloco }}</h2>
      @let i = initiatives();
      <p>
        @if (i.capacityHours !== null) {
          {{ 'evaluation.initiatives.summary' | transloco: { planned: number(i.plannedHours), capacity: number(i.capacityHours) } }}
          @if (i.plannedHours > i.capacityHours) {
            <strong>{{ 'evaluation.initiatives.over' | transloco }}</strong>
          }
        } @else {
          {{ 'evaluation.initiatives.summaryNoCapacity' | transloco: { planned: number(i.plannedHours) } }}
        }
        @if (i.postsWithoutInitiative > 0) {
          {{ 'evaluation.initiatives.withoutInitiative' | transloco: { count: i.postsWithoutInitiative } }}
        }
      </p>
      @if (i.items.length === 0) {
        <p>{{ 'evaluation.initiatives.none' | transloco }}</p>
      } @else {
        <div class="table-wrap" tabindex="0" role="region" [attr.aria-label]="'evaluation.initiatives.table.caption' | transloco">
          <table class="evaluation-table">
            <caption>
              {{
                'evaluation.initiatives.table.caption' | transloco
              }}
            </caption>
            <thead>
              <tr>
                <th scope="col">{{ 'evaluation.initiatives.table.initiative' | transloco }}</th>
                <th scope="col">{{ 'evaluation.initiatives.table.status' | transloco }}</th>
                <th scope="col" class="num">{{ 'evaluation.initiatives.table.hoursPerWeek' | transloco }}</th>
                <th scope="col" class="num">{{ 'evaluation.initiatives.table.plannedHours' | transloco }}</th>
                <th scope="col" class="num">{{ 'evaluation.initiatives.table.posts' | transloco }}</th>
              </tr>
            </thead>
            <tbody>
              @for (item of i.items; track item.initiativeId) {
                <tr>
                  <th scope="row">{{ item.what }}</th>
                  <td>{{ 'evaluation.initiatives.status.' + item.status | transloco }}</td>
                  <td class="num">{{ number(item.hoursPerWeek) }}</td>
                  <td class="num">{{ number(item.plannedHours) }}</td>
                  <td class="num">{{ item.postsPublished }}</td>
                </tr>
              }
            </tbody>
          </table>
        </div>
      }
    </section>
  `,
  styleUrl: './_evaluation-section.scss',
})
export class EvaluationInitiativesComponent {
  readonly initiatives = input.required<InitiativesEvaluation>();
  readonly locale = input.required<string>();

  protected number(value: number | null): string {
    return numberText(value, this.locale()) ?? '–';
  }
}
