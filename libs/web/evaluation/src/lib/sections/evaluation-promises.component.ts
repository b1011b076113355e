import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import type { ChannelPromisesKept } from '@kadens/shared/contracts';

import { percentText, promiseSentence } from '../view/evaluation-sentences';

/** Promises kept per channel: a sentence each, then the table of weeks, silences and dialogue in staffed hours. */
@Component({
  selector: 'kd-evaluation-promises',
  imports: [TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section aria-labelledby="evaluation-promises-title" data-testid="evaluation-promises">
      <h2 id="evaluation-promises-title">{{ 'evaluation.promises.title' | transloco }}</h2>
      @if (channels().length === 0) {
        <p>{{ 'evaluation.promises.none' | transloco }}</p>
      } @else {
        <ul class="sentences">
          @for (channel of channels(); track channel.channelId) {
            @let sentence = sentenceOf(channel);
            <li data-testid="evaluation-promise-sentence">{{ sentence.key | transloco: sentence.params }}</li>
          }
        </ul>
        <p class="hint">{{ 'evaluation.promises.hint' | transloco }}</p>
        <div class="table-wrap" tabindex="0" role="region" [attr.aria-label]="'evaluation.promises.table.caption' | transloco">
          <table class="evaluation-table">
            <caption>
              {{
                'evaluation.promises.table.caption' | transloco
              }}
            </caption>
            <thead>
              <tr>
                <th scope="col">{{ 'evaluation.promises.table.channel' | transloco }}</th>
                <th scope="col" class="num">{{ 'evaluation.promises.table.posts' | transloco }}</th>
                <th scope="col" class="num">{{ 'evaluation.promises.table.weeks' | transloco }}</th>
                <th scope="col" class="num">{{ 'evaluation.promises.table.silence' | transloco }}</th>
                <th scope="col" class="num">{{ 'evaluation.promises.table.over' | transloco }}</th>
                <th scope="col" class="num">{{ 'evaluation.promises.table.dialogue' | transloco }}</th>
              </tr>
            </thead>
            <tbody>
              @for (channel of channels(); track channel.channelId) {
                <tr>
                  <th scope="row">{{ channel.name }}</th>
                  <td class="num">{{ channel.posts }}</td>
                  <td class="num">
                    @if (channel.weeksKept !== null) {
                      {{
                        'evaluation.promises.weeksCell'
                          | transloco: { kept: channel.weeksKept, weeks: channel.weeks, share: share(channel) }
                      }}
                    } @else {
                      {{ 'evaluation.promises.notPromised' | transloco }}
                    }
                  </td>
                  <td class="num">{{ 'evaluation.promises.days' | transloco: { count: channel.longestSilenceDays } }}</td>
                  <td class="num">
                    @if (channel.daysOverMaximum !== null) {
                      {{ 'evaluation.promises.days' | transloco: { count: channel.daysOverMaximum } }}
                    } @else {
                      {{ 'evaluation.promises.notPromised' | transloco }}
                    }
                  </td>
                  <td class="num">
                    @if (channel.dialogueInsideStaffedHours !== null) {
                      {{
                        'evaluation.promises.ofDialogue'
                          | transloco: { inside: channel.dialogueInsideStaffedHours, count: channel.dialoguePosts }
                      }}
                    } @else {
                      {{ 'evaluation.promises.noServiceHours' | transloco }}
                    }
                  </td>
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
export class EvaluationPromisesComponent {
  readonly channels = input.required<ChannelPromisesKept[]>();
  readonly locale = input.required<string>();

  protected readonly sentenceOf = promiseSentence;

  protected share(channel: ChannelPromisesKept): string {
    return percentText(channel.weeksKeptShare, this.locale()) ?? '–';
  }
}
