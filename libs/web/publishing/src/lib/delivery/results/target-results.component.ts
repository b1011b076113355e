import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { type FormControl, NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { TranslocoPipe } from '@jsverse/transloco';
import {
  type ManualResultsInput,
  type OrganizationId,
  RESULT_METRICS,
  type ResultMetric,
  type ResultNumbers,
  type ResultSnapshotView,
  type TargetResultsView,
} from '@kadens/shared/contracts';
import { ActiveOrganization, describeApiError } from '@kadens/web/data-access';
import { applyServerFieldErrors, FieldErrorComponent, ProblemNotifier, TRANSLATED_ERROR_KEY } from '@kadens/web/ui';
import { injectActiveLanguage, ZonedDateTimePipe } from '@kadens/web/util';
import type { AbstractControl, ValidationErrors } from '@angular/forms';

import { describePublishingProblem, type PublishingProblem } from '../../shared/publishing-problem';
import { PublishingProblemComponent } from '../../shared/publishing-problem.component';
import { TargetResultsApi } from './target-results.api';

/** The largest number the API takes for one metric. */
const MAX_NUMBER = 1e12;

/** The schedule's stages, as the texts name them. */
const STAGE_KEYS: Readonly<Record<string, string>> = { '1h': 'hour1', '24h': 'hours24', '7d': 'days7', '28d': 'days28' };

/** A whole number from 0 to 10^12; an empty field is fine (the metric is not known). */
function wholeNumber(control: AbstractControl<number | null>): ValidationErrors | null {
  const value = control.value;
  if (value === null || value === undefined) return null;
  return Number.isInteger(value) && value >= 0 && value <= MAX_NUMBER
    ? null
    : { [TRANSLATED_ERROR_KEY]: 'publishing.results.numberInvalid' };
}

interface MetricRow {
  metric: ResultMetric;
  latest: number | undefined;
  manual: number | undefined;
  total: number | undefined;
}

/**
 * A published target's numbers: the latest the platform gave, the ones a person entered (which reports
 * prefer), every dated snapshot with any problem, and — for editors, approvers and admins — a form to
 * enter numbers the platform does not give (a webhook, print, an event) or to correct them, with a note.
 */
@Component({
  selector: 'kd-target-results',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    TranslocoPipe,
    FieldErrorComponent,
    PublishingProblemComponent,
    ZonedDateTimePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './target-results.component.html',
  styleUrl: './target-results.component.scss',
})
export class TargetResultsComponent {
  private readonly api = inject(TargetResultsApi);
  private readonly activeOrganization = inject(ActiveOrganization);
  private readonly notifier = inject(ProblemNotifier);
  protected readonly language = injectActiveLanguage();

  readonly organizationId = input.required<OrganizationId>();
  readonly targetId = input.required<string>();
  readonly timeZone = input.required<string | null>();
  /** The channel's name, for the texts. */
  readonly channelName = input('');

  protected readonly view = signal<TargetResultsView | null>(null);
  protected readonly loading = signal(false);
  protected readonly problem = signal<PublishingProblem | null>(null);
  protected readonly saving = signal(false);
  protected readonly formOpen = signal(false);
  protected readonly canEnter = computed(() => this.activeOrganization.can('results.edit'));
  protected readonly metrics = RESULT_METRICS;
  protected readonly formId = computed(() => `results-form-${this.targetId()}`);

  /** The metrics anyone knows a number for, in the normalised order. */
  protected readonly rows = computed<MetricRow[]>(() => {
    const view = this.view();
    if (!view) return [];
    const manual = view.manual?.numbers ?? {};
    return RESULT_METRICS.filter((metric) => [view.latest[metric], manual[metric], view.total[metric]].some((n) => n !== undefined)).map(
      (metric) => ({ metric, latest: view.latest[metric], manual: manual[metric], total: view.total[metric] }),
    );
  });

  private readonly formBuilder = inject(NonNullableFormBuilder);
  protected readonly form = this.formBuilder.group({
    ...(Object.fromEntries(
      RESULT_METRICS.map((metric) => [metric, this.formBuilder.control<number | null>(null, [wholeNumber])]),
    ) as Record<ResultMetric, FormControl<number | null>>),
    note: this.formBuilder.control('', [Validators.maxLength(2000)]),
  });
  private sequence = 0;

  constructor() {
    effect(() => {
      this.organizationId();
      this.targetId();
      untracked(() => void this.load());
    });
  }

  protected number(value: number | undefined): string {
    return value === undefined ? '–' : new Intl.NumberFormat(this.language()).format(value);
  }

  protected stageKey(stage: string): string | null {
    const key = STAGE_KEYS[stage];
    return key ? `publishing.results.stages.${key}` : null;
  }

  /** A snapshot's numbers in one line: "Views 1,234 · Reactions 56". */
  protected snapshotNumbers(snapshot: ResultSnapshotView): Array<{ metric: ResultMetric; value: string }> {
    return RESULT_METRICS.flatMap((metric) => {
      const value = snapshot.numbers[metric];
      return value === undefined ? [] : [{ metric, value: this.number(value) }];
    });
  }

  protected toggleForm(): void {
    if (this.formOpen()) {
      this.formOpen.set(false);
      return;
    }
    const manual = this.view()?.manual;
    const values = Object.fromEntries(RESULT_METRICS.map((metric) => [metric, manual?.numbers[metric] ?? null]));
    this.form.reset({ ...values, note: manual?.note ?? '' });
    this.formOpen.set(true);
  }

  protected async save(): Promise<void> {
    if (this.saving()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const raw = this.form.getRawValue();
    const numbers: ResultNumbers = {};
    for (const metric of RESULT_METRICS) {
      const value = raw[metric];
      if (value !== null && value !== undefined) numbers[metric] = value;
    }
    await this.send({ numbers, note: raw.note.trim() }, 'publishing.results.saved');
  }

  protected clear(): Promise<void> {
    return this.send({ numbers: {}, note: '' }, 'publishing.results.cleared');
  }

  protected async load(): Promise<void> {
    const sequence = ++this.sequence;
    this.loading.set(true);
    this.problem.set(null);
    try {
      const view = await this.api.get(this.organizationId(), this.targetId());
      if (sequence === this.sequence) this.view.set(view);
    } catch (error) {
      if (sequence === this.sequence) this.problem.set(describePublishingProblem(error));
    } finally {
      if (sequence === this.sequence) this.loading.set(false);
    }
  }

  private async send(input: ManualResultsInput, messageKey: string): Promise<void> {
    this.saving.set(true);
    try {
      this.view.set(await this.api.put(this.organizationId(), this.targetId(), input));
      this.formOpen.set(false);
      this.notifier.announce(messageKey, { channel: this.channelName() });
    } catch (error) {
      const problem = describeApiError(error);
      const fieldNames = Object.fromEntries(RESULT_METRICS.map((metric) => [`numbers.${metric}`, metric]));
      if (
        problem.status === 400 &&
        problem.fieldErrors.length > 0 &&
        applyServerFieldErrors(this.form, problem.fieldErrors, fieldNames).length === 0
      )
        return;
      this.notifier.report(problem);
    } finally {
      this.saving.set(false);
    }
  }
}
