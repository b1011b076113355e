import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import type { ReportSummary } from '@kadens/shared/contracts';

import { ReportNumberComponent } from '../figures/report-number.component';

/** Which content types work best per audience: per audience its content types by engagement per post, best first. */
@Component({
  selector: 'kd-content-types-by-audience',
  imports: [ReportNumberComponent, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="content-types" aria-labelledby="report-content-types-title" data-testid="report-content-types">
      <h2 id="report-content-types-title" class="content-types__title">{{ 'reports.contentTypes.title' | transloco }}</h2>
      <p class="content-types__intro">{{ 'reports.contentTypes.intro' | transloco }}</p>
      @if (summary().contentTypesByAudience.length > 0) {
        <div class="table-wrap" tabindex="0" role="region" aria-labelledby="report-content-types-caption">
          <table class="report-table" data-testid="report-content-types-table">
            <caption id="report-content-types-caption">
              {{
                'reports.contentTypes.caption' | transloco: { period: periodText() }
              }}
            </caption>
            <thead>
              <tr>
                <th scope="col">{{ 'reports.groupBy.audience' | transloco }}</th>
                <th scope="col" class="num">{{ 'reports.contentTypes.rank' | transloco }}</th>
                <th scope="col">{{ 'reports.groupBy.contentType' | transloco }}</th>
                <th scope="col" class="num">{{ 'reports.figures.engagementPerPost' | transloco }}</th>
                <th scope="col" class="num">{{ 'reports.figures.posts' | transloco }}</th>
              </tr>
            </thead>
            @for (audience of summary().contentTypesByAudience; track audience.audienceId) {
              <tbody data-testid="report-content-types-audience" [attr.data-audience-id]="audience.audienceId">
                @for (type of audience.contentTypes; track type.contentTypeId; let rank = $index; let first = $first) {
                  <tr>
                    @if (first) {
                      <th scope="rowgroup" [attr.rowspan]="audience.contentTypes.length">{{ audience.name }}</th>
                    }
                    <td class="num">{{ rank + 1 }}</td>
                    <td>{{ type.name }}</td>
                    <td class="num"><kd-report-number [value]="type.engagementPerPost" [language]="language()" [fractionDigits]="1" /></td>
                    <td class="num"><kd-report-number [value]="type.posts" [language]="language()" /></td>
                  </tr>
                } @empty {
                  <tr>
                    <th scope="row">{{ audience.name }}</th>
                    <td colspan="4">{{ 'reports.contentTypes.noPosts' | transloco }}</td>
                  </tr>
                }
              </tbody>
            }
          </table>
        </div>
      } @else {
        <p data-testid="report-content-types-empty">{{ 'reports.contentTypes.empty' | transloco }}</p>
      }
    </section>
  `,
  styleUrl: './content-types-by-audience.component.scss',
})
export class ContentTypesByAudienceComponent {
  readonly summary = input.required<ReportSummary>();
  readonly language = input.required<string>();
  readonly periodText = input.required<string>();
}
