import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatCardModule } from '@angular/material/card';
import { provideTranslocoScope, TranslocoPipe } from '@jsverse/transloco';
import type { MediaView } from '@kadens/shared/contracts';
import { MEDIA_SCOPE } from '@kadens/web/data-access';

/** The post's pictures and video as approvers check them: each one (opens in full size) with its text alternative. */
@Component({
  selector: 'kd-review-media',
  imports: [MatCardModule, TranslocoPipe],
  providers: [provideTranslocoScope(MEDIA_SCOPE)],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <mat-card appearance="outlined" data-testid="review-media-card">
      <mat-card-header
        ><h2 class="card-title">{{ 'media.review.title' | transloco }}</h2></mat-card-header
      >
      <mat-card-content>
        <ol class="media" data-testid="review-media">
          @for (medium of media(); track medium.id) {
            <li class="medium" data-testid="review-medium" [attr.data-kind]="medium.kind">
              <a
                class="medium__thumb"
                [href]="medium.contentUrl"
                target="_blank"
                rel="noopener"
                [attr.aria-label]="'media.review.open' | transloco: { fileName: medium.fileName }"
              >
                @if (medium.thumbnailUrl) {
                  <img [src]="medium.thumbnailUrl" alt="" loading="lazy" />
                } @else {
                  <span class="medium__kind">{{ 'media.kind.' + medium.kind | transloco }}</span>
                }
              </a>
              <div class="medium__text">
                <p class="medium__name">{{ medium.fileName }}</p>
                @if (medium.altText.trim()) {
                  <p class="medium__alt">
                    <span class="medium__label">{{
                      (medium.kind === 'image' ? 'media.review.altText' : 'media.review.videoDescription') | transloco
                    }}</span>
                    <span data-testid="review-medium-alt">{{ medium.altText }}</span>
                  </p>
                } @else if (medium.kind === 'image') {
                  <p class="medium__missing" data-testid="review-medium-no-alt">{{ 'media.review.noAltText' | transloco }}</p>
                } @else {
                  <p class="medium__alt">{{ 'media.review.noDescription' | transloco }}</p>
                }
              </div>
            </li>
          }
        </ol>
      </mat-card-content>
    </mat-card>
  `,
  styles: `
    :host {
      display: block;
    }
    .card-title {
      margin: 0;
      font: var(--mat-sys-title-medium);
    }
    .media {
      display: flex;
      flex-direction: column;
      gap: 0.75rem;
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .medium {
      display: grid;
      grid-template-columns: 7rem minmax(0, 1fr);
      gap: 0.75rem;
      align-items: start;
    }
    .medium__thumb {
      display: flex;
      align-items: center;
      justify-content: center;
      width: 7rem;
      height: 7rem;
      overflow: hidden;
      border-radius: var(--mat-sys-corner-small, 8px);
      background: var(--mat-sys-surface-container-high);
      color: var(--mat-sys-on-surface);
    }
    .medium__thumb img {
      width: 100%;
      height: 100%;
      object-fit: cover;
    }
    .medium__thumb:focus-visible {
      outline: 3px solid var(--mat-sys-primary);
      outline-offset: 2px;
    }
    .medium__name {
      margin: 0;
      font: var(--mat-sys-label-large);
      overflow-wrap: anywhere;
    }
    .medium__alt {
      margin: 0.25rem 0 0;
    }
    .medium__label {
      font-weight: 600;
      margin-right: 0.25rem;
    }
    .medium__missing {
      margin: 0.25rem 0 0;
      padding: 0.25rem 0.5rem;
      border-radius: var(--mat-sys-corner-extra-small, 4px);
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
      font-weight: 500;
    }
  `,
})
export class ReviewMediaComponent {
  readonly media = input.required<readonly MediaView[]>();
}
