import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { TranslocoPipe } from '@jsverse/transloco';

import { StrategyStore } from '../state/strategy.store';
import { ITEM_TEST_ID, type StrategyKind } from './strategy-kind';

/**
 * The frame every strategy section shares: its intro and add button, the new item's form (projected
 * as `[sectionNew]`), the explanation shown while the list is empty, and then the section's own list.
 */
@Component({
  selector: 'kd-section-shell',
  imports: [MatButtonModule, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="section__header">
      <p class="section__intro">{{ 'strategy.' + kind() + '.intro' | transloco }}</p>
      @if (store.canEdit() && !formOpen() && addable()) {
        <button mat-flat-button type="button" (click)="add.emit()" [attr.data-testid]="testId() + '-add'">
          {{ 'strategy.' + kind() + '.add' | transloco }}
        </button>
      }
    </div>
    <ng-content select="[sectionNew]" />
    @if (store.loaded() && empty()) {
      <p class="section__empty" [attr.data-testid]="kind() + '-empty'">{{ 'strategy.' + kind() + '.empty' | transloco }}</p>
    }
    <ng-content />
  `,
  styleUrl: './section-shell.component.scss',
})
export class SectionShellComponent {
  protected readonly store = inject(StrategyStore);

  readonly kind = input.required<StrategyKind>();
  /** The list has no items (the explanation shows once the strategy has loaded). */
  readonly empty = input.required<boolean>();
  /** A form is open, so no second one is offered. */
  readonly formOpen = input(false);
  /** Whether a new item can be written at all yet. */
  readonly addable = input(true);

  readonly add = output<void>();

  protected readonly testId = computed(() => ITEM_TEST_ID[this.kind()]);
}
