import { ChangeDetectionStrategy, Component, computed, inject, InjectionToken, input, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { TranslocoPipe } from '@jsverse/transloco';
import type { PlanCheckInput, Violation } from '@kadens/shared/contracts';
import { PlanPromisesApi, type PlanningCatalog } from '@kadens/web/data-access';
import { ViolationListComponent } from '@kadens/web/ui';
import { wallClockToInstant } from '@kadens/web/util';
import { catchError, debounceTime, distinctUntilChanged, from, map, of, startWith, switchMap } from 'rxjs';

import { type ComposerForm, targetChannelIds } from '../composer-form/composer-form';

/** How long the time, channels and dialogue flag must stay still before the API is asked. */
export const PLAN_CHECK_DEBOUNCE_MS = new InjectionToken<number>('PLAN_CHECK_DEBOUNCE_MS', { factory: () => 300 });

/** The planned values a save would be judged by, or null when there is nothing to check (no time, no channel, read-only). */
function plannedValues(form: ComposerForm, catalog: PlanningCatalog, postId: string | null): PlanCheckInput | null {
  if (form.controls.plannedAt.disabled) return null;
  const value = form.getRawValue();
  const plannedAt = value.plannedAt ? wallClockToInstant(value.plannedAt, catalog.timeZone) : null;
  const channelIds = targetChannelIds(value.channelIds, catalog.channels);
  if (!plannedAt || channelIds.length === 0) return null;
  return {
    plannedAt,
    channelIds,
    invitesDialogue: value.invitesDialogue,
    ...(value.contentTypeId ? { contentTypeId: value.contentTypeId } : {}),
    ...(postId ? { postId } : {}),
  };
}

/**
 * The channels' promises while the post is being planned: whenever its time, channels, dialogue flag or
 * content type settle, asks the API what a save would be told (the same shared rules, in the same words)
 * and lists the broken blocking rules, politely announced. The save still goes to the API, which judges.
 */
@Component({
  selector: 'kd-plan-check',
  imports: [TranslocoPipe, ViolationListComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="plan-check" aria-live="polite" data-testid="composer-plan-check">
      @if (shown().length > 0) {
        <p class="plan-check__title">{{ 'planning.composer.checkTitle' | transloco }}</p>
        <kd-violation-list [violations]="shown()" [context]="catalog()" />
      }
    </div>
  `,
  styles: `
    :host {
      display: block;
    }
    .plan-check:has(kd-violation-list) {
      padding: 0.5rem 0.75rem;
      border-radius: 8px;
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
    .plan-check__title {
      margin: 0 0 0.25rem;
      font: var(--mat-sys-title-small);
    }
  `,
})
export class PlanCheckComponent {
  readonly form = input.required<ComposerForm>();
  readonly catalog = input.required<PlanningCatalog>();
  /** The post being edited; its saved time does not count against it. */
  readonly postId = input<string | null>(null);
  /** The save's own refusal is on screen: the same rules are not listed twice. */
  readonly suppressed = input(false);

  private readonly api = inject(PlanPromisesApi);
  private readonly violations = signal<Violation[]>([]);
  protected readonly shown = computed(() => (this.suppressed() ? [] : this.violations()));

  constructor() {
    const debounceMs = inject(PLAN_CHECK_DEBOUNCE_MS);
    const watched = computed(() => ({ form: this.form(), catalog: this.catalog(), postId: this.postId() }));
    toObservable(watched)
      .pipe(
        switchMap(({ form, catalog, postId }) =>
          form.valueChanges.pipe(
            startWith(null),
            map(() => ({ organizationId: catalog.organizationId, values: plannedValues(form, catalog, postId) })),
          ),
        ),
        debounceTime(debounceMs),
        distinctUntilChanged((a, b) => JSON.stringify(a) === JSON.stringify(b)),
        switchMap(({ organizationId, values }) =>
          values
            ? from(this.api.check(organizationId, values)).pipe(
                map((answer) => answer.violations),
                // The check only helps; if it cannot answer, the save still will.
                catchError(() => of<Violation[]>([])),
              )
            : of<Violation[]>([]),
        ),
        takeUntilDestroyed(),
      )
      .subscribe((violations) => this.violations.set(violations));
  }
}
