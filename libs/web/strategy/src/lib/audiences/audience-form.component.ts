import { ChangeDetectionStrategy, Component, DestroyRef, type ElementRef, inject, input, viewChild } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, Validators } from '@angular/forms';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatSelectModule } from '@angular/material/select';
import { type AudienceInput, type AudienceView, EFFECT_PERIODS, type EffectPeriod } from '@kadens/shared/contracts';

import { type SavedMessage, STRATEGY_FORM_IMPORTS, StrategyForm } from '../shared/strategy-form';
import { numberInRange } from '../shared/strategy-validators';

/** Creates an audience, or edits the one given; says `done` when saved or cancelled. */
@Component({
  selector: 'kd-audience-form',
  imports: [STRATEGY_FORM_IMPORTS, MatCheckboxModule, MatSelectModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './audience-form.component.html',
  styleUrl: '../shared/strategy-form.scss',
})
export class AudienceFormComponent extends StrategyForm<AudienceView> {
  private readonly nameInput = viewChild.required<ElementRef<HTMLInputElement>>('nameInput');

  readonly audience = input<AudienceView | null>(null);
  protected readonly item = this.audience;

  protected readonly periods = EFFECT_PERIODS;
  private readonly formBuilder = inject(NonNullableFormBuilder);
  protected readonly form = this.formBuilder.group({
    name: ['', [Validators.required, Validators.maxLength(80)]],
    description: ['', [Validators.maxLength(2000)]],
    communicationGoal: ['', [Validators.maxLength(1000)]],
    effectGoal: ['', [Validators.maxLength(1000)]],
    hasTarget: [false],
    effectTarget: this.formBuilder.group({
      metric: ['', [Validators.required, Validators.maxLength(120)]],
      value: [null as number | null, [Validators.required, numberInRange(0, 999_999_999_999, 2, 'strategy.validation.targetValue')]],
      period: ['month' as EffectPeriod, [Validators.required]],
    }),
    channelIds: [[] as string[]],
  });
  /** The API names a refused target field by its path; the form keeps it in a nested group. */
  protected override readonly controlNames = {
    'effectTarget.metric': 'effectTarget.metric',
    'effectTarget.value': 'effectTarget.value',
    'effectTarget.period': 'effectTarget.period',
  };

  constructor() {
    super();
    // A target that is not wanted is neither validated nor sent.
    const { hasTarget, effectTarget } = this.form.controls;
    effectTarget.disable();
    hasTarget.valueChanges.pipe(takeUntilDestroyed(inject(DestroyRef))).subscribe((wanted) => {
      if (wanted) effectTarget.enable();
      else effectTarget.disable();
    });
  }

  protected fill(audience: AudienceView): void {
    const { name, description, communicationGoal, effectGoal, effectTarget, channelIds } = audience;
    this.form.reset({
      name,
      description,
      communicationGoal,
      effectGoal,
      hasTarget: effectTarget !== null,
      effectTarget: effectTarget ?? { metric: '', value: null, period: 'month' },
      channelIds,
    });
  }

  protected focusFirstField(): void {
    this.nameInput().nativeElement.focus();
  }

  protected async persist(): Promise<SavedMessage> {
    const saved = await this.store.saveAudience(this.audience()?.id ?? null, this.request());
    return { key: 'strategy.audiences.saved', params: { name: saved.name } };
  }

  private request(): AudienceInput {
    const { name, description, communicationGoal, effectGoal, hasTarget, effectTarget, channelIds } = this.form.getRawValue();
    return {
      name,
      description,
      communicationGoal,
      effectGoal,
      effectTarget: hasTarget ? { metric: effectTarget.metric, value: effectTarget.value ?? 0, period: effectTarget.period } : null,
      channelIds,
    };
  }
}
