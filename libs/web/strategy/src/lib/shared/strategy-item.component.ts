import { NgTemplateOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { TranslocoPipe } from '@jsverse/transloco';

import { StrategyStore } from '../state/strategy.store';
import { ITEM_TEST_ID, type StrategyKind } from './strategy-kind';

/** The actions every item offers; texts `strategy.actions.<action>` and `<action>Named`. */
export const ITEM_ACTIONS = ['edit', 'archive', 'restore', 'delete'] as const;
type ItemAction = (typeof ITEM_ACTIONS)[number];

/**
 * One strategy item in its list: what the section projects on the left, and — for those who may change
 * the strategy — edit, archive or restore (for kinds that archive), any extra `[itemAction]`, and delete.
 */
@Component({
  selector: 'kd-strategy-item',
  imports: [NgTemplateOutlet, MatButtonModule, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'item', '[class.item--muted]': 'muted()' },
  template: `
    <div class="item__main"><ng-content /></div>
    @if (store.canEdit()) {
      <div class="item__actions">
        <ng-container *ngTemplateOutlet="button; context: { $implicit: 'edit' }" />
        <ng-content select="[itemAction]" />
        @for (action of lifecycleActions(); track action) {
          <ng-container *ngTemplateOutlet="button; context: { $implicit: action }" />
        }
      </div>
    }
    <ng-template #button let-action>
      <button
        mat-button
        type="button"
        (click)="run(action)"
        [attr.aria-label]="'strategy.actions.' + action + 'Named' | transloco: { name: name() }"
        [attr.data-testid]="testId() + '-' + action"
      >
        {{ 'strategy.actions.' + action | transloco }}
      </button>
    </ng-template>
  `,
  styleUrl: './strategy-item.component.scss',
})
export class StrategyItemComponent {
  protected readonly store = inject(StrategyStore);

  readonly kind = input.required<StrategyKind>();
  /** How the action buttons name the item to screen readers. */
  readonly name = input.required<string>();
  /** Whether the item is archived; left out for kinds that are paused or dropped instead. */
  readonly archived = input<boolean>();
  /** Shown faded: an item that no longer counts (a dropped initiative). */
  readonly muted = input(false);

  readonly edit = output<void>();
  /** True to archive, false to restore. */
  readonly archive = output<boolean>();
  readonly remove = output<void>();

  protected readonly testId = computed(() => ITEM_TEST_ID[this.kind()]);
  /** After edit and any extra action: restore or archive where the kind archives, then delete. */
  protected readonly lifecycleActions = computed<ItemAction[]>(() => {
    const archived = this.archived();
    return archived === undefined ? ['delete'] : [archived ? 'restore' : 'archive', 'delete'];
  });

  protected run(action: ItemAction): void {
    if (action === 'edit') this.edit.emit();
    else if (action === 'delete') this.remove.emit();
    else this.archive.emit(action === 'archive');
  }
}
