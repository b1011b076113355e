import { ChangeDetectionStrategy, Component, computed, effect, inject, signal, untracked } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import type { Evaluation, OrganizationId } from '@kadens/shared/contracts';
import { ActiveOrganization, type ApiProblem, describeApiError, OrganizationTimeZone } from '@kadens/web/data-access';
import { formatCivilDate, injectActiveLanguage, intlLocale } from '@kadens/web/util';
import { map } from 'rxjs';

import { EvaluationApi } from '../evaluation.api';
import { EvaluationGoalsComponent } from '../sections/evaluation-goals.component';
import { EvaluationInitiativesComponent } from '../sections/evaluation-initiatives.component';
import { EvaluationPromisesComponent } from '../sections/evaluation-promises.component';
import { EvaluationPublishingComponent } from '../sections/evaluation-publishing.component';
import { EvaluationSettingsComponent } from '../sections/evaluation-settings.component';
import { defaultPeriod, isEvaluationPeriod, isRunning, periodChoices, periodName, todayIn } from '../view/evaluation-periods';

/**
 * The evaluation of a month or a quarter (`?period=2026-11 | 2026-Q4`, the month that ended last when
 * absent): promises kept per channel, publishing, sign-off, the audiences' goals and the initiatives,
 * each as a short sentence and a table. Admins also choose the monthly e-mail and "promises kept" in public.
 */
@Component({
  selector: 'kd-evaluation-page',
  imports: [
    EvaluationGoalsComponent,
    EvaluationInitiativesComponent,
    EvaluationPromisesComponent,
    EvaluationPublishingComponent,
    EvaluationSettingsComponent,
    MatButtonModule,
    MatProgressBarModule,
    RouterLink,
    TranslocoPipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './evaluation-page.component.html',
  styleUrl: './evaluation-page.component.scss',
})
export class EvaluationPageComponent {
  private readonly api = inject(EvaluationApi);
  private readonly route = inject(ActivatedRoute);
  private readonly router = inject(Router);
  private readonly active = inject(ActiveOrganization);

  protected readonly language = injectActiveLanguage();
  protected readonly locale = computed(() => intlLocale(this.language()));
  protected readonly timeZone = inject(OrganizationTimeZone).timeZone;
  protected readonly organizationId = this.active.organizationId;
  protected readonly isAdmin = computed(() => this.active.role() === 'admin');

  private readonly requested = toSignal(this.route.queryParamMap.pipe(map((params) => params.get('period'))), { requireSync: true });
  private readonly today = computed(() => {
    const timeZone = this.timeZone();
    return timeZone ? todayIn(timeZone) : null;
  });
  /** The period shown: the address's when it names a month or quarter, else the month that ended last. */
  protected readonly period = computed(() => {
    const requested = this.requested();
    if (isEvaluationPeriod(requested)) return requested;
    const today = this.today();
    return today ? defaultPeriod(today) : null;
  });
  protected readonly choices = computed(() => {
    const today = this.today();
    return today ? periodChoices(today, this.period()) : { months: [], quarters: [] };
  });

  protected readonly evaluation = signal<Evaluation | null>(null);
  protected readonly loading = signal(false);
  protected readonly problem = signal<ApiProblem | null>(null);
  private readonly reloads = signal(0);
  private sequence = 0;

  protected readonly coverage = computed(() => {
    const evaluation = this.evaluation();
    if (!evaluation) return '';
    const language = this.language();
    return `${formatCivilDate(evaluation.from, language)} – ${formatCivilDate(evaluation.evaluatedUntil, language)}`;
  });
  protected readonly running = computed(() => {
    const period = this.period();
    const today = this.today();
    return period !== null && today !== null && isRunning(period, today);
  });
  /** Nothing happened and nothing was promised: the page says so instead of showing empty tables. */
  protected readonly empty = computed(() => {
    const evaluation = this.evaluation();
    return (
      evaluation !== null &&
      evaluation.promises.every((channel) => channel.posts === 0 && channel.minPostsPerWeek === null) &&
      evaluation.publishing.planned === 0 &&
      evaluation.signOff.approved === 0
    );
  });

  constructor() {
    effect(() => {
      const organizationId = this.organizationId();
      const period = this.period();
      this.reloads();
      untracked(() => {
        if (organizationId && period) void this.load(organizationId, period);
      });
    });
  }

  /** "november 2026" in the reader's language. */
  protected monthName(period: string): string {
    return periodName(period, this.locale(), () => period);
  }

  /** The parameters of "{{quarter}}. quarter {{year}}". */
  protected quarterParams(period: string): { quarter: string; year: string } {
    return { quarter: period.slice(-1), year: period.slice(0, 4) };
  }

  protected isQuarter(period: string): boolean {
    return period.includes('Q');
  }

  protected choose(period: string): void {
    void this.router.navigate([], { relativeTo: this.route, queryParams: { period }, queryParamsHandling: 'merge' });
  }

  protected retry(): void {
    this.reloads.update((count) => count + 1);
  }

  private async load(organizationId: OrganizationId, period: string): Promise<void> {
    const sequence = ++this.sequence;
    this.loading.set(true);
    this.problem.set(null);
    try {
      const evaluation = await this.api.evaluation(organizationId, period);
      if (sequence === this.sequence) this.evaluation.set(evaluation);
    } catch (error) {
      if (sequence === this.sequence) {
        this.evaluation.set(null);
        this.problem.set(describeApiError(error));
      }
    } finally {
      if (sequence === this.sequence) this.loading.set(false);
    }
  }
}
