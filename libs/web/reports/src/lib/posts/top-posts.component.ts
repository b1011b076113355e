import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import type { ReportPostRow } from '@kadens/shared/contracts';
import { reviewLink } from '@kadens/web/data-access';
import { PLATFORM_NAMES, PlatformBadgeComponent } from '@kadens/web/ui';
import { ZonedDateTimePipe } from '@kadens/web/util';

import { ReportNumberComponent } from '../figures/report-number.component';

/** A short ranked list of posts (the top or the bottom five by engagement), each linked to the post and to where it was published. */
@Component({
  selector: 'kd-top-posts',
  imports: [PlatformBadgeComponent, ReportNumberComponent, RouterLink, TranslocoPipe, ZonedDateTimePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="top" [attr.aria-labelledby]="kind() + '-posts-title'" [attr.data-testid]="'report-' + kind() + '-posts'">
      <h2 class="top__title" [id]="kind() + '-posts-title'">{{ 'reports.' + kind() + '.title' | transloco }}</h2>
      @if (posts(); as posts) {
        <ol class="top__list">
          @for (post of posts; track post.targetId) {
            <li class="top__item" data-testid="report-ranked-post" [attr.data-target-id]="post.targetId">
              <a class="top__post" [routerLink]="postLink(post.postId)" data-testid="report-post-link">{{ post.title }}</a>
              <span class="top__meta">
                <kd-platform-badge [platform]="post.platform" />
                {{ post.channelName }} · {{ post.publishedAt | zonedDateTime: timeZone() : language() }}
              </span>
              <span class="top__figure">
                {{ 'reports.figures.engagement' | transloco }}:
                <kd-report-number [value]="post.engagement" [language]="language()" />
              </span>
              @if (post.url) {
                <a
                  class="top__external"
                  [href]="post.url"
                  target="_blank"
                  rel="noopener noreferrer"
                  data-testid="report-post-platform-link"
                >
                  {{ 'reports.posts.onPlatform' | transloco: { platform: platformNames[post.platform] } }}
                  <span class="visually-hidden">{{ 'reports.posts.newWindow' | transloco: { title: post.title } }}</span>
                </a>
              }
            </li>
          } @empty {
            <li class="top__none">{{ 'reports.posts.none' | transloco }}</li>
          }
        </ol>
      } @else {
        <p class="top__none">{{ 'common.loading' | transloco }}</p>
      }
    </section>
  `,
  styles: `
    .top__title {
      margin: 0 0 0.5rem;
      font: var(--mat-sys-title-medium);
    }
    .top__list {
      margin: 0;
      padding-inline-start: 1.5rem;
    }
    .top__item {
      display: flex;
      flex-direction: column;
      gap: 0.125rem;
      padding: 0.375rem 0;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    .top__post {
      font-weight: 500;
      overflow-wrap: anywhere;
    }
    .top__meta,
    .top__figure {
      color: var(--mat-sys-on-surface-variant);
    }
    .top__none {
      list-style: none;
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class TopPostsComponent {
  readonly kind = input.required<'top' | 'bottom'>();
  /** Null while loading. */
  readonly posts = input.required<ReportPostRow[] | null>();
  readonly organizationId = input.required<string>();
  readonly timeZone = input.required<string | null>();
  readonly language = input.required<string>();

  protected readonly platformNames = PLATFORM_NAMES;

  protected postLink(postId: string): string[] {
    return reviewLink(this.organizationId(), postId);
  }
}
