import { ChangeDetectionStrategy, Component, effect, inject, input, signal, untracked } from '@angular/core';
import { provideTranslocoScope, TranslocoPipe } from '@jsverse/transloco';
import type { LinkPreview, OrganizationId } from '@kadens/shared/contracts';

import { LinkPreviewApi } from './link-preview.api';

export const LINKS_SCOPE = 'links';
/** How long typing in the link field must pause before the card is asked for. */
export const LINK_PREVIEW_PAUSE_MS = 600;
const HTTP_URL = /^https?:\/\/[^\s/$.?#][^\s]*$/i;

type CardState =
  | { kind: 'none' }
  | { kind: 'loading' }
  | { kind: 'card'; preview: LinkPreview; imageSrc: string | null; host: string }
  | { kind: 'unavailable' };

/**
 * Under the composer's link field: the card platforms will show for the link (image, title,
 * description, site), read by the API through its guarded client once typing pauses. A page that
 * cannot be read says so quietly; the card never blocks saving.
 */
@Component({
  selector: 'kd-link-preview-card',
  imports: [TranslocoPipe],
  providers: [provideTranslocoScope(LINKS_SCOPE)],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="link-preview" aria-live="polite" data-testid="link-preview">
      @switch (state().kind) {
        @case ('loading') {
          <p class="link-preview__note" data-testid="link-preview-loading">{{ 'links.preview.loading' | transloco }}</p>
        }
        @case ('unavailable') {
          <p class="link-preview__note" data-testid="link-preview-unavailable">{{ 'links.preview.unavailable' | transloco }}</p>
        }
      }
      @if (card(); as card) {
        <article class="link-preview__card" [attr.aria-label]="'links.preview.label' | transloco" data-testid="link-preview-card">
          @if (card.imageSrc) {
            <img class="link-preview__image" [src]="card.imageSrc" [alt]="card.preview.title ?? ''" (error)="imageFailed()" />
          }
          <div class="link-preview__text">
            <p class="link-preview__site">{{ card.preview.siteName ?? card.host }}</p>
            <h4 class="link-preview__title">{{ card.preview.title ?? card.host }}</h4>
            @if (card.preview.description) {
              <p class="link-preview__description">{{ card.preview.description }}</p>
            }
          </div>
        </article>
      }
    </div>
  `,
  styles: `
    .link-preview {
      margin: 0 0 1rem;
      overflow-wrap: anywhere;
    }
    .link-preview__note {
      margin: 0;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .link-preview__card {
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 12px;
      overflow: hidden;
      max-width: 32rem;
      background: var(--mat-sys-surface-container-low);
    }
    .link-preview__image {
      display: block;
      width: 100%;
      aspect-ratio: 1.91 / 1;
      object-fit: cover;
    }
    .link-preview__text {
      padding: 0.5rem 0.75rem 0.75rem;
    }
    .link-preview__site,
    .link-preview__description {
      margin: 0.25rem 0 0;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .link-preview__title {
      margin: 0.25rem 0 0;
      font: var(--mat-sys-title-small);
      color: var(--mat-sys-on-surface);
    }
  `,
})
export class LinkPreviewCardComponent {
  readonly organizationId = input.required<OrganizationId>();
  readonly link = input.required<string | null>();
  readonly pauseMs = input(LINK_PREVIEW_PAUSE_MS);

  private readonly api = inject(LinkPreviewApi);
  protected readonly state = signal<CardState>({ kind: 'none' });
  protected readonly card = () => {
    const state = this.state();
    return state.kind === 'card' ? state : null;
  };
  private asked = 0;

  constructor() {
    effect((onCleanup) => {
      const link = (this.link() ?? '').trim();
      const organizationId = this.organizationId();
      const ask = ++this.asked;
      if (!HTTP_URL.test(link)) {
        this.state.set({ kind: 'none' });
        return;
      }
      const timer = setTimeout(() => void this.load(organizationId, link, ask), untracked(this.pauseMs));
      onCleanup(() => clearTimeout(timer));
    });
  }

  protected imageFailed(): void {
    const state = this.state();
    if (state.kind === 'card') this.state.set({ ...state, imageSrc: null });
  }

  private async load(organizationId: OrganizationId, link: string, ask: number): Promise<void> {
    this.state.set({ kind: 'loading' });
    try {
      const preview = await this.api.preview(organizationId, link);
      if (ask !== this.asked) return;
      const imageSrc = preview.imageUrl ? this.api.imageSrc(organizationId, preview.imageUrl) : null;
      this.state.set({ kind: 'card', preview, imageSrc, host: new URL(preview.url).host });
    } catch {
      if (ask === this.asked) this.state.set({ kind: 'unavailable' });
    }
  }
}
