import { ChangeDetectionStrategy, Component, computed, inject, input, viewChild } from '@angular/core';
import { NonNullableFormBuilder, Validators } from '@angular/forms';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { type MatSelect, MatSelectModule } from '@angular/material/select';
import { INITIATIVE_STATUSES, type InitiativeStatus, type InitiativeView } from '@kadens/shared/contracts';

import { type SavedMessage, STRATEGY_FORM_IMPORTS, StrategyForm } from '../shared/strategy-form';
import { numberInRange } from '../shared/strategy-validators';

/** Writes an initiative as its sentence, field by field; says `done` when saved or cancelled. */
@Component({
  selector: 'kd-initiative-form',
  imports: [STRATEGY_FORM_IMPORTS, MatCheckboxModule, MatSelectModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './initiative-form.component.html',
  styleUrl: '../shared/strategy-form.scss',
})
export class InitiativeFormComponent extends StrategyForm<InitiativeView> {
  private readonly channelSelect = viewChild.required<MatSelect>('channelSelect');

  readonly initiative = input<InitiativeView | null>(null);
  protected readonly item = this.initiative;

  protected readonly statuses = INITIATIVE_STATUSES;
  protected readonly form = inject(NonNullableFormBuilder).group({
    channelIds: [[] as string[], [Validators.required]],
    what: ['', [Validators.required, Validators.maxLength(500)]],
    outcome: ['', [Validators.required, Validators.maxLength(500)]],
    audienceIds: [[] as string[], [Validators.required]],
    hoursPerWeek: [null as number | null, [Validators.required, numberInRange(0, 168, 1, 'strategy.validation.hours')]],
    core: [false],
    status: ['idea' as InitiativeStatus, [Validators.required]],
  });

  /** Current audiences, plus any archived one this initiative is already for, so saving does not drop it. */
  protected readonly audienceOptions = computed(() => {
    const chosen = new Set(this.initiative()?.audienceIds ?? []);
    return this.store.audiences().filter((audience) => !audience.archived || chosen.has(audience.id));
  });

  protected fill(initiative: InitiativeView): void {
    const { channelIds, what, outcome, audienceIds, hoursPerWeek, core, status } = initiative;
    this.form.reset({ channelIds, what, outcome, audienceIds, hoursPerWeek, core, status });
  }

  protected focusFirstField(): void {
    this.channelSelect().focus();
  }

  protected async persist(): Promise<SavedMessage> {
    const { hoursPerWeek, ...fields } = this.form.getRawValue();
    await this.store.saveInitiative(this.initiative()?.id ?? null, { ...fields, hoursPerWeek: hoursPerWeek ?? 0 });
    return { key: 'strategy.initiatives.saved' };
  }
}
