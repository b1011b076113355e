import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import type { RuleOverrideView } from '@kadens/shared/contracts';

import { ViolationListComponent } from '@kadens/web/ui';
import { formatWallClock, type ViolationContext } from '@kadens/web/util';

/** Who let the post break which of its channels' rules, when and why, as the post shows it. */
@Component({
  selector: 'kd-rule-override-note',
  imports: [TranslocoPipe, ViolationListComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <p class="note__title">{{ 'planning.override.shownTitle' | transloco }}</p>
    <p data-testid="composer-override-by">
      {{ 'planning.override.shownBy' | transloco: { name: byName() ?? ('planning.override.someone' | transloco), time: time() } }}
    </p>
    <p class="note__reason" data-testid="composer-override-reason">
      {{ 'planning.override.shownReason' | transloco: { reason: override().reason } }}
    </p>
    @if (override().violations.length > 0) {
      <kd-violation-list [violations]="override().violations" [context]="context()" />
    }
  `,
  styles: `
    :host {
      display: block;
      padding: 0.75rem 1rem;
      border-left: 4px solid var(--mat-sys-primary);
      border-radius: var(--mat-sys-corner-small, 4px);
      background: var(--mat-sys-surface-container-high);
      color: var(--mat-sys-on-surface);
      font: var(--mat-sys-body-medium);
    }
    p {
      margin: 0 0 0.375rem;
    }
    .note__title {
      font: var(--mat-sys-title-small);
    }
    .note__reason {
      white-space: pre-line;
    }
  `,
})
export class RuleOverrideNoteComponent {
  readonly override = input.required<RuleOverrideView>();
  readonly context = input.required<ViolationContext>();
  /** The overrider's name; null while unknown (not loaded, or no longer a member). */
  readonly byName = input<string | null>(null);

  private readonly language = toSignal(inject(TranslocoService).langChanges$, { requireSync: true });
  protected readonly time = computed(() => formatWallClock(this.override().at, this.context().timeZone, this.language()));
}
