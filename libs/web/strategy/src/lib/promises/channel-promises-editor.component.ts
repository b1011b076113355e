import { ChangeDetectionStrategy, Component, computed, DestroyRef, effect, inject, input, untracked, viewChild } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { TranslocoPipe } from '@jsverse/transloco';
import type { ChannelPromisesView, ChannelView } from '@kadens/shared/contracts';
import { describeApiError } from '@kadens/web/data-access';

import { FormActionsComponent } from '../shared/form-actions.component';
import { showSaveFailure } from '../shared/save-failure';
import { type SavedMessage, StrategyForm } from '../shared/strategy-form';
import { CadenceFieldsComponent } from './cadence-fields.component';
import { ChannelPromisesStore } from './channel-promises.store';
import { buildPromisesForm, controlPathOf, fillPromisesForm, promisesOfForm } from './promises-form';
import { ServiceHoursFieldsComponent } from './service-hours-fields.component';

/**
 * Edits what a channel promises its audience — its cadence and its service hours — checked as they are
 * typed by the rules the API enforces. Opens in place of the channel; says `done` when saved or cancelled.
 */
@Component({
  selector: 'kd-channel-promises-editor',
  imports: [
    ReactiveFormsModule,
    MatProgressBarModule,
    TranslocoPipe,
    FormActionsComponent,
    CadenceFieldsComponent,
    ServiceHoursFieldsComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form class="form" [formGroup]="form" (ngSubmit)="save()" novalidate data-testid="channel-promises-form">
      <h3 class="form__title">{{ 'strategy.promises.title' | transloco: { name: channel().name } }}</h3>
      <p class="form__intro">{{ 'strategy.promises.intro' | transloco }}</p>
      @if (!ready()) {
        <mat-progress-bar mode="indeterminate" [attr.aria-label]="'common.loading' | transloco" />
      }
      <kd-cadence-fields [group]="form.controls.cadence" />
      <kd-service-hours-fields [group]="form.controls.serviceHours" [clock]="promises.clock()" />
      <kd-form-actions testId="promises" [saving]="saving()" [disabled]="!ready()" (cancelled)="done.emit()" />
    </form>
  `,
  styleUrl: '../shared/strategy-form.scss',
})
export class ChannelPromisesEditorComponent extends StrategyForm<ChannelPromisesView> {
  private readonly fb = inject(NonNullableFormBuilder);
  private readonly cadenceFields = viewChild.required(CadenceFieldsComponent);
  protected readonly promises = inject(ChannelPromisesStore);

  readonly channel = input.required<ChannelView>();
  protected readonly item = computed(() => this.promises.byChannel().get(this.channel().id) ?? null);
  /** Saving before the stored promises are in would replace them with blanks. */
  protected readonly ready = computed(() => this.item() !== null);

  protected readonly form = buildPromisesForm(this.fb, () => this.promises.clock()?.country ?? null, inject(DestroyRef));
  private filled = false;

  constructor() {
    super();
    // The promises may arrive after the editor opened.
    effect(() => {
      const view = this.item();
      if (view && !this.filled) untracked(() => this.fill(view));
    });
    // "PH" means the country's holidays: check the hours again once the country is known.
    effect(() => {
      if (this.promises.clock()) untracked(() => this.form.controls.serviceHours.controls.openingHours.updateValueAndValidity());
    });
  }

  protected fill(view: ChannelPromisesView): void {
    this.filled = true;
    fillPromisesForm(this.form, this.fb, view);
  }

  protected focusFirstField(): void {
    this.cadenceFields().focus();
  }

  protected async persist(): Promise<SavedMessage> {
    const organizationId = this.store.organizationId();
    if (!organizationId) throw new Error('No active organisation');
    const channel = this.channel();
    await this.promises.save(organizationId, channel.id, promisesOfForm(this.form));
    return { key: 'strategy.promises.saved', params: { name: channel.name } };
  }

  /** The API names refused fields by their path in the promises (`cadence.minPostsPerWeek`, `serviceHours.closedPeriods.0.end`). */
  protected override showFailure(error: unknown): void {
    const fields = describeApiError(error).fieldErrors.map((fieldError) => fieldError.field);
    showSaveFailure(this.form, error, this.notifier, Object.fromEntries(fields.map((field) => [field, controlPathOf(this.form, field)])));
  }
}
