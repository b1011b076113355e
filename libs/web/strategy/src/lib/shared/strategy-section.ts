import { Directive, inject, signal } from '@angular/core';
import { describeApiError } from '@kadens/web/data-access';
import { ProblemNotifier } from '@kadens/web/ui';

import { StrategyStore } from '../state/strategy.store';
import { ItemRemoval, type Removal } from './item-removal.service';
import type { StrategyKind } from './strategy-kind';

/** Current items first, then the archived ones, which their section shows under their own heading. */
export function currentThenArchived<T extends { archived: boolean }>(items: readonly T[]): Array<{ archived: boolean; items: T[] }> {
  return [
    { archived: false, items: items.filter((item) => !item.archived) },
    { archived: true, items: items.filter((item) => item.archived) },
  ];
}

/**
 * What the four strategy sections do alike: open one form at a time (a new item's or an item's own),
 * archive or restore an item, and delete it after asking — offering the domain's alternative when it
 * is still in use. Each section adds only what its concept needs.
 */
@Directive()
export abstract class StrategySection {
  private readonly removal = inject(ItemRemoval);
  private readonly notifier = inject(ProblemNotifier);
  protected readonly store = inject(StrategyStore);

  protected abstract readonly kind: StrategyKind;
  /** The item being edited, `new` for a new one, null when no form is open. */
  protected readonly editing = signal<string | null>(null);

  protected edit(id: string): void {
    this.editing.set(id);
  }

  protected closeForm(): void {
    this.editing.set(null);
  }

  /** Archives (true) or restores (false) through `apply`, and says so. */
  protected async archiveItem(name: string, archived: boolean, apply: () => Promise<unknown>): Promise<void> {
    try {
      await apply();
      this.notifier.announce(`strategy.${this.kind}.${archived ? 'archivedDone' : 'restoredDone'}`, { name });
    } catch (error) {
      this.notifier.report(describeApiError(error));
    }
  }

  protected removeItem(removal: Omit<Removal, 'kind'>): Promise<void> {
    return this.removal.remove({ kind: this.kind, ...removal });
  }
}
