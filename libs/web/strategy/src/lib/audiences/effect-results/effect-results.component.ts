import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { TranslocoPipe } from '@jsverse/transloco';
import type { AudienceEffectResultsView, AudienceView, EffectResultView } from '@kadens/shared/contracts';
import { ActiveOrganization, describeApiError } from '@kadens/web/data-access';
import { applyServerFieldErrors, Confirmation, FieldErrorComponent, ProblemNotifier } from '@kadens/web/ui';

import { injectActiveLanguage } from '../../shared/active-language';
import { LocalNumberPipe } from '../../shared/locale-format.pipes';
import { numberInRange } from '../../shared/strategy-validators';
import { describePeriod, lastWholePeriod, PERIOD_EXAMPLES, periodOfKind } from './effect-period';
import { EffectResultsApi } from './effect-results.api';

/** The largest value the API stores (numeric(14,2)). */
const MAX_VALUE = 999_999_999_999.99;

/** The API names a refused entry by its place in the list; the form sends one entry at a time. */
const CONTROL_NAMES = { 'results.0.period': 'period', 'results.0.value': 'value', 'results.0.note': 'note' };

function today(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

/**
 * An audience's effect goal, measured: the target, every period entered (value, note, who and when)
 * and — for editors, approvers and admins — a form to enter or correct one period's value.
 */
@Component({
  selector: 'kd-audience-effect-results',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    TranslocoPipe,
    FieldErrorComponent,
    LocalNumberPipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './effect-results.component.html',
  styleUrl: './effect-results.component.scss',
})
export class AudienceEffectResultsComponent {
  private readonly api = inject(EffectResultsApi);
  private readonly activeOrganization = inject(ActiveOrganization);
  private readonly notifier = inject(ProblemNotifier);
  private readonly confirmation = inject(Confirmation);
  protected readonly language = injectActiveLanguage();

  readonly audience = input.required<AudienceView>();

  protected readonly view = signal<AudienceEffectResultsView | null>(null);
  protected readonly loading = signal(false);
  protected readonly failed = signal(false);
  protected readonly saving = signal(false);
  protected readonly canEnter = computed(() => this.activeOrganization.can('results.edit'));
  protected readonly target = computed(() => this.view()?.target ?? this.audience().effectTarget);
  protected readonly example = computed(() => PERIOD_EXAMPLES[this.target()?.period ?? 'month']);
  protected readonly results = computed(() => this.view()?.results ?? []);
  protected readonly titleId = computed(() => `effect-results-${this.audience().id}`);

  private readonly formBuilder = inject(NonNullableFormBuilder);
  protected readonly form = this.formBuilder.group({
    period: ['', [Validators.required, periodOfKind(() => this.target()?.period ?? null)]],
    value: [null as number | null, [Validators.required, numberInRange(0, MAX_VALUE, 2, 'strategy.effectResults.valueInvalid')]],
    note: ['', [Validators.maxLength(2000)]],
  });
  private sequence = 0;

  constructor() {
    effect(() => {
      const audience = this.audience();
      untracked(() => {
        this.startNew(audience.effectTarget?.period ?? 'month');
        void this.load();
      });
    });
  }

  protected periodLabel(result: EffectResultView): string {
    return describePeriod(result.period, this.language());
  }

  /** The share of the target a period reached ("92 %"); empty without a target. */
  protected shareOfTarget(result: EffectResultView): string {
    const target = this.target();
    if (!target || target.value <= 0) return '';
    return new Intl.NumberFormat(this.language(), { style: 'percent', maximumFractionDigits: 0 }).format(result.value / target.value);
  }

  /** When a value was entered, as a date in the reader's language. */
  protected enteredOn(result: EffectResultView): string {
    return new Intl.DateTimeFormat(this.language(), { dateStyle: 'medium' }).format(new Date(result.enteredAt));
  }

  protected change(result: EffectResultView): void {
    this.form.reset({ period: result.period, value: result.value, note: result.note });
  }

  protected async remove(result: EffectResultView): Promise<void> {
    const period = this.periodLabel(result);
    const confirmed = await this.confirmation.ask({
      titleKey: 'strategy.effectResults.removeTitle',
      messageKey: 'strategy.effectResults.removeMessage',
      confirmKey: 'strategy.effectResults.remove',
      params: { period },
    });
    if (!confirmed) return;
    await this.send({ results: [{ period: result.period, value: null }] }, 'strategy.effectResults.removed', period);
  }

  protected async save(): Promise<void> {
    if (this.saving()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const { period, value, note } = this.form.getRawValue();
    const key = period.trim();
    const saved = await this.send(
      { results: [{ period: key, value, note }] },
      'strategy.effectResults.saved',
      describePeriod(key, this.language()),
    );
    if (saved) this.startNew(this.target()?.period ?? 'month');
  }

  protected async load(): Promise<void> {
    const organizationId = this.activeOrganization.organizationId();
    if (!organizationId) return;
    const sequence = ++this.sequence;
    this.loading.set(true);
    this.failed.set(false);
    try {
      const view = await this.api.get(organizationId, this.audience().id);
      if (sequence === this.sequence) this.view.set(view);
    } catch (error) {
      if (sequence === this.sequence) {
        this.failed.set(true);
        this.notifier.report(describeApiError(error));
      }
    } finally {
      if (sequence === this.sequence) this.loading.set(false);
    }
  }

  private startNew(kind: 'week' | 'month' | 'quarter' | 'year'): void {
    this.form.reset({ period: lastWholePeriod(today(), kind), value: null, note: '' });
  }

  private async send(input: Parameters<EffectResultsApi['put']>[2], messageKey: string, period: string): Promise<boolean> {
    const organizationId = this.activeOrganization.organizationId();
    if (!organizationId) return false;
    this.saving.set(true);
    try {
      this.view.set(await this.api.put(organizationId, this.audience().id, input));
      this.notifier.announce(messageKey, { period });
      return true;
    } catch (error) {
      this.showFailure(error);
      return false;
    } finally {
      this.saving.set(false);
    }
  }

  private showFailure(error: unknown): void {
    const problem = describeApiError(error);
    if (problem.status === 400 && problem.fieldErrors.length > 0) {
      if (applyServerFieldErrors(this.form, problem.fieldErrors, CONTROL_NAMES).length === 0) return;
    }
    if (error instanceof HttpErrorResponse && (error.error as { code?: unknown } | null)?.code === 'effect_target_missing') {
      this.notifier.announce('strategy.effectResults.noTarget');
      return;
    }
    this.notifier.report(problem);
  }
}
