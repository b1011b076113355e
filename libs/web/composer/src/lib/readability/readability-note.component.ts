import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { provideTranslocoScope, TranslocoPipe } from '@jsverse/transloco';
import type { OrganizationId } from '@kadens/shared/contracts';
import { camelCaseSuggestions, isAboveTarget, isLixLocale, lixOf } from '@kadens/shared/rules';

import { ReadabilityPreferences } from './readability-preferences';

export const READABILITY_SCOPE = 'readability';
/** How long typing must pause before the note (and what screen readers hear) changes. */
export const READABILITY_PAUSE_MS = 800;

/**
 * Under a text of the composer (the post's, or a channel's own): its LIX readability index with the
 * organisation's target — only for Norwegian, Danish and Swedish, the languages LIX is made for — and
 * the hashtags screen readers would read as one word. Advice only: it never blocks saving.
 * It follows the text after typing pauses, so a screen reader hears it now and then, not on every key.
 */
@Component({
  selector: 'kd-readability-note',
  imports: [TranslocoPipe],
  providers: [provideTranslocoScope(READABILITY_SCOPE)],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="readability" aria-live="polite" data-testid="readability-note">
      @if (lix(); as lix) {
        <p class="readability__lix" data-testid="readability-lix" [attr.data-lix]="lix.result.lix" [attr.data-above]="lix.above">
          {{
            'readability.lix'
              | transloco: { lix: lix.result.lix, band: ('readability.bands.' + lix.result.band | transloco), target: lix.target }
          }}
        </p>
        @if (lix.above) {
          <p class="readability__hint" data-testid="readability-above">{{ 'readability.aboveTarget' | transloco }}</p>
        }
      }
      @for (suggestion of hashtags(); track suggestion.tag) {
        <p class="readability__hint" data-testid="readability-hashtag">
          {{ 'readability.camelCase' | transloco: { tag: suggestion.tag } }}
        </p>
      }
    </div>
  `,
  styles: `
    .readability {
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
      overflow-wrap: anywhere;
    }
    .readability p {
      margin: 0.25rem 0 0;
    }
    .readability__hint {
      color: var(--mat-sys-on-surface);
      padding-left: 0.5rem;
      border-left: 3px solid var(--mat-sys-tertiary);
    }
  `,
})
export class ReadabilityNoteComponent {
  readonly organizationId = input.required<OrganizationId>();
  readonly text = input.required<string | null>();
  readonly pauseMs = input(READABILITY_PAUSE_MS);

  private readonly preferences = inject(ReadabilityPreferences);
  /** The text as it was when typing last paused; the first text is taken at once. */
  private readonly settledText = signal<string | null>(null);

  private readonly preference = computed(() => this.preferences.of(this.organizationId()));
  protected readonly lix = computed(() => {
    const preference = this.preference();
    if (!preference || !isLixLocale(preference.locale)) return null;
    const result = lixOf(this.settledText() ?? '');
    return result ? { result, target: preference.target, above: isAboveTarget(result, preference.target) } : null;
  });
  protected readonly hashtags = computed(() => camelCaseSuggestions(this.settledText() ?? ''));

  constructor() {
    effect(() => {
      const organizationId = this.organizationId();
      untracked(() => this.preferences.load(organizationId));
    });
    effect((onCleanup) => {
      const text = this.text() ?? '';
      if (untracked(this.settledText) === null) {
        this.settledText.set(text);
        return;
      }
      const timer = setTimeout(() => this.settledText.set(text), untracked(this.pauseMs));
      onCleanup(() => clearTimeout(timer));
    });
  }
}
