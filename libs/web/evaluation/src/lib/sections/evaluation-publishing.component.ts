import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import type { PublishingEvaluation, SignOffEvaluation } from '@kadens/shared/contracts';

import { numberText } from '../view/evaluation-sentences';

/** Publishing (outcomes and lateness) and sign-off (lead time and requested changes), as a sentence and figures each. */
@Component({
  selector: 'kd-evaluation-publishing',
  imports: [TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section aria-labelledby="evaluation-publishing-title" data-testid="evaluation-publishing">
      <h2 id="evaluation-publishing-title">{{ 'evaluation.publishing.title' | transloco }}</h2>
      @let p = publishing();
      @if (p.planned === 0) {
        <p>{{ 'evaluation.publishing.none' | transloco }}</p>
      } @else {
        <p data-testid="evaluation-publishing-sentence">
          {{ 'evaluation.publishing.summary' | transloco: { published: p.published, planned: p.planned } }}
          @if (p.latenessP50Minutes !== null) {
            {{ 'evaluation.publishing.lateness' | transloco: { p50: number(p.latenessP50Minutes), p95: number(p.latenessP95Minutes) } }}
          }
        </p>
        <dl class="figures">
          <div>
            <dt>{{ 'evaluation.publishing.published' | transloco }}</dt>
            <dd>{{ p.published }}</dd>
          </div>
          <div>
            <dt>{{ 'evaluation.publishing.failed' | transloco }}</dt>
            <dd>{{ p.failed }}</dd>
          </div>
          <div>
            <dt>{{ 'evaluation.publishing.unconfirmed' | transloco }}</dt>
            <dd>{{ p.unconfirmed }}</dd>
          </div>
          <div>
            <dt>{{ 'evaluation.publishing.expired' | transloco }}</dt>
            <dd>{{ p.expired }}</dd>
          </div>
        </dl>
      }
    </section>
    <section aria-labelledby="evaluation-sign-off-title" data-testid="evaluation-sign-off">
      <h2 id="evaluation-sign-off-title">{{ 'evaluation.signOff.title' | transloco }}</h2>
      @let s = signOff();
      <p>
        {{ 'evaluation.signOff.summary' | transloco: { approved: s.approved, changes: s.changesRequested } }}
        @if (s.leadTimeP50Hours !== null) {
          {{ 'evaluation.signOff.leadTime' | transloco: { p50: number(s.leadTimeP50Hours), p95: number(s.leadTimeP95Hours) } }}
        }
      </p>
    </section>
  `,
  styleUrl: './_evaluation-section.scss',
})
export class EvaluationPublishingComponent {
  readonly publishing = input.required<PublishingEvaluation>();
  readonly signOff = input.required<SignOffEvaluation>();
  readonly locale = input.required<string>();

  protected number(value: number | null): string {
    return numberText(value, this.locale()) ?? '–';
  }
}
