import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { provideTranslocoScope, TranslocoPipe } from '@jsverse/transloco';
import type { ChannelView, MediaView } from '@kadens/shared/contracts';
import { platformMediaRules, validatePostMedia } from '@kadens/shared/platform-rules';
import { MEDIA_SCOPE } from '@kadens/web/data-access';

import { mediaIssueParams } from './media-attachments';

/** Under one chosen channel: how many media its platform takes, and which of its media rules the post breaks, live. */
@Component({
  selector: 'kd-channel-media-rules',
  imports: [TranslocoPipe],
  providers: [provideTranslocoScope(MEDIA_SCOPE)],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let rules = this.rules();
    <div class="rules" [attr.data-testid]="'composer-media-rules-' + channel().id">
      <p class="rules__count" [class.rules__count--over]="issues().length > 0" aria-live="polite">
        @if (rules.maxCount === null) {
          {{ 'media.rules.countNoLimit' | transloco: { count: media().length } }}
        } @else if (rules.mixImagesAndVideo) {
          {{ 'media.rules.count' | transloco: { count: media().length, limit: rules.maxCount } }}
        } @else {
          {{ 'media.rules.countOrVideo' | transloco: { count: media().length, limit: rules.maxCount, videos: rules.maxVideos ?? 1 } }}
        }
      </p>
      @if (issues().length > 0) {
        <ul class="rules__issues">
          @for (issue of issues(); track $index) {
            <li [attr.data-issue]="issue.code">{{ 'media.issues.' + issue.code | transloco: issue.text }}</li>
          }
        </ul>
      }
    </div>
  `,
  styles: `
    .rules {
      font: var(--mat-sys-body-small);
    }
    .rules__count {
      margin: 0;
      color: var(--mat-sys-on-surface-variant);
    }
    .rules__count--over {
      color: var(--mat-sys-error);
      font-weight: 500;
    }
    .rules__issues {
      margin: 0.25rem 0 0;
      padding-left: 1.25rem;
      color: var(--mat-sys-error);
    }
  `,
})
export class ChannelMediaRulesComponent {
  readonly channel = input.required<ChannelView>();
  readonly media = input.required<readonly MediaView[]>();

  protected readonly rules = computed(() => platformMediaRules(this.channel().platform));
  protected readonly issues = computed(() =>
    validatePostMedia(this.channel().platform, this.media()).map((issue) => ({
      code: issue.code,
      text: mediaIssueParams(issue, this.media()),
    })),
  );
}
