import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  type ElementRef,
  inject,
  input,
  type OnInit,
  output,
  signal,
  viewChild,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { TranslocoPipe } from '@jsverse/transloco';
import { type AudienceInput, type AudienceView, EFFECT_PERIODS, type EffectPeriod } from '@kadens/shared/contracts';
import { FieldErrorComponent, ProblemNotifier } from '@kadens/web/ui';

import { showSaveFailure } from '../shared/save-failure';
import { numberInRange } from '../shared/strategy-validators';
import { StrategyStore } from '../state/strategy.store';

/** The API names a refused target field by its path; the form keeps it in a nested group. */
const TARGET_FIELDS = {
  'effectTarget.metric': 'effectTarget.metric',
  'effectTarget.value': 'effectTarget.value',
  'effectTarget.period': 'effectTarget.period',
};

/** Creates an audience, or edits the one given; says `done` when saved or cancelled. */
@Component({
  selector: 'kd-audience-form',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    TranslocoPipe,
    FieldErrorComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './audience-form.component.html',
  styleUrl: '../shared/strategy-form.scss',
})
export class AudienceFormComponent implements OnInit {
  private readonly notifier = inject(ProblemNotifier);
  private readonly nameInput = viewChild.required<ElementRef<HTMLInputElement>>('nameInput');
  protected readonly store = inject(StrategyStore);

  readonly audience = input<AudienceView | null>(null);
  readonly done = output<void>();

  protected readonly periods = EFFECT_PERIODS;
  protected readonly saving = signal(false);
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

  constructor() {
    afterNextRender(() => this.nameInput().nativeElement.focus());
    // A target that is not wanted is neither validated nor sent.
    const { hasTarget, effectTarget } = this.form.controls;
    effectTarget.disable();
    hasTarget.valueChanges.pipe(takeUntilDestroyed(inject(DestroyRef))).subscribe((wanted) => {
      if (wanted) effectTarget.enable();
      else effectTarget.disable();
    });
  }

  ngOnInit(): void {
    const audience = this.audience();
    if (!audience) return;
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

  protected async save(): Promise<void> {
    if (this.saving()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.saving.set(true);
    try {
      const saved = await this.store.saveAudience(this.audience()?.id ?? null, this.request());
      this.notifier.announce('strategy.audiences.saved', { name: saved.name });
      this.done.emit();
    } catch (error) {
      showSaveFailure(this.form, error, this.notifier, TARGET_FIELDS);
    } finally {
      this.saving.set(false);
    }
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
