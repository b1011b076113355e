import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import type { PlanningCatalog } from '@kadens/web/data-access';

import { type ComposerForm, targetChannelIds } from '../composer-form/composer-form';
import { formatWallClock, instantToWallClock, wallClockToInstant } from '@kadens/web/util';
import { PlanningProblems } from '../planning-problems/planning-problems.service';
import { NextFreeSlotFinder } from './next-free-slot-finder';

/**
 * "Next free slot": fills the composer's time with the first one at or after the chosen time (or now)
 * that breaks no blocking rule of the chosen channels, and says what it found.
 */
@Component({
  selector: 'kd-next-free-slot',
  imports: [MatButtonModule, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <button mat-stroked-button type="button" [disabled]="disabled() || finding()" (click)="find()" data-testid="composer-next-free-slot">
      {{ 'planning.composer.nextFreeSlot' | transloco }}
    </button>
    <p class="outcome" aria-live="polite" data-testid="composer-next-free-slot-outcome">
      @if (foundTime(); as time) {
        {{ 'planning.composer.nextFreeSlotFound' | transloco: { time } }}
      } @else if (foundNone()) {
        {{ 'planning.composer.nextFreeSlotNone' | transloco }}
      }
    </p>
  `,
  styles: `
    :host {
      display: flex;
      align-items: center;
      flex-wrap: wrap;
      gap: 0.25rem 0.75rem;
    }
    .outcome {
      margin: 0;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class NextFreeSlotComponent {
  readonly form = input.required<ComposerForm>();
  readonly catalog = input.required<PlanningCatalog>();
  /** The post being edited; its own current time does not count against it. */
  readonly postId = input<string | null>(null);
  readonly disabled = input(false);

  private readonly finder = inject(NextFreeSlotFinder);
  private readonly problems = inject(PlanningProblems);
  private readonly language = toSignal(inject(TranslocoService).langChanges$, { requireSync: true });

  protected readonly finding = signal(false);
  /** The last search's answer: a time, null for "nothing free", undefined before any search. */
  private readonly found = signal<string | null | undefined>(undefined);
  protected readonly foundTime = computed(() => {
    const at = this.found();
    return at ? formatWallClock(at, this.catalog().timeZone, this.language()) : null;
  });
  protected readonly foundNone = computed(() => this.found() === null);

  protected async find(): Promise<void> {
    const form = this.form();
    const { organizationId, channels, timeZone } = this.catalog();
    const value = form.getRawValue();
    const channelIds = targetChannelIds(value.channelIds, channels);
    if (channelIds.length === 0) {
      form.controls.channelIds.markAsTouched();
      return;
    }
    const now = new Date().toISOString();
    const chosen = value.plannedAt ? wallClockToInstant(value.plannedAt, timeZone) : null;
    const from = chosen && Date.parse(chosen) > Date.parse(now) ? chosen : now;
    this.finding.set(true);
    try {
      const at = await this.finder.find(organizationId, {
        channelIds,
        from,
        invitesDialogue: value.invitesDialogue,
        postId: this.postId(),
      });
      if (at) {
        form.controls.plannedAt.setValue(instantToWallClock(at, timeZone));
        form.controls.plannedAt.markAsDirty();
      }
      this.found.set(at);
    } catch (error) {
      this.problems.report(error, this.catalog());
    } finally {
      this.finding.set(false);
    }
  }
}
