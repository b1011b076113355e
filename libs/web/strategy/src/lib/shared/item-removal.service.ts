import { inject, Injectable } from '@angular/core';
import { describeApiError, type StrategyErrorCode, strategyErrorCode } from '@kadens/web/data-access';
import { Confirmation, ProblemNotifier } from '@kadens/web/ui';

import type { StrategyKind } from './strategy-kind';

export interface Removal {
  kind: StrategyKind;
  /** How the messages name the item. */
  name: string;
  remove: () => Promise<void>;
  /** The 409 code the API answers while the item is still used. */
  inUseCode: StrategyErrorCode;
  /** The way forward for an item in use (archive, pause, drop it), offered in its place. */
  instead: () => Promise<unknown>;
}

/**
 * Deletes a strategy item after asking. An item still in use cannot be deleted; instead of a bare
 * refusal the user is offered what the domain does with such items (archive, pause or drop it).
 */
@Injectable({ providedIn: 'root' })
export class ItemRemoval {
  private readonly confirmation = inject(Confirmation);
  private readonly notifier = inject(ProblemNotifier);

  async remove({ kind, name, remove, inUseCode, instead }: Removal): Promise<void> {
    const params = { name };
    const confirmed = await this.confirmation.ask({
      titleKey: `strategy.${kind}.deleteTitle`,
      messageKey: `strategy.${kind}.deleteMessage`,
      confirmKey: 'strategy.actions.delete',
      params,
    });
    if (!confirmed) return;
    try {
      await remove();
      this.notifier.announce(`strategy.${kind}.deleted`, params);
    } catch (error) {
      if (strategyErrorCode(error) !== inUseCode) {
        this.notifier.report(describeApiError(error));
        return;
      }
      await this.offerInstead(kind, params, instead);
    }
  }

  private async offerInstead(kind: StrategyKind, params: { name: string }, instead: () => Promise<unknown>): Promise<void> {
    const accepted = await this.confirmation.ask({
      titleKey: `strategy.${kind}.inUseTitle`,
      messageKey: `strategy.${kind}.inUseMessage`,
      confirmKey: `strategy.${kind}.inUseConfirm`,
      params,
    });
    if (!accepted) return;
    try {
      await instead();
      this.notifier.announce(`strategy.${kind}.inUseDone`, params);
    } catch (error) {
      this.notifier.report(describeApiError(error));
    }
  }
}
