import { ChangeDetectionStrategy, Component, type ElementRef, input, viewChild } from '@angular/core';
import { ReactiveFormsModule } from '@angular/forms';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslocoPipe } from '@jsverse/transloco';
import { FieldErrorComponent } from '@kadens/web/ui';

import { CADENCE_LIMITS } from './cadence-limits';
import { LiveErrorState } from './live-error-state';
import { PreferredSlotsComponent } from './preferred-slots.component';
import type { PromisesForm } from './promises-form';

/** The cadence part of a channel's promises: its four limits, its preferred times and its public sentence. */
@Component({
  selector: 'kd-cadence-fields',
  imports: [ReactiveFormsModule, MatFormFieldModule, MatInputModule, TranslocoPipe, FieldErrorComponent, PreferredSlotsComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './cadence-fields.component.html',
  styleUrls: ['../shared/strategy-form.scss', './promises-part.scss'],
})
export class CadenceFieldsComponent {
  private readonly limitInput = viewChild.required<ElementRef<HTMLInputElement>>('limitInput');

  readonly group = input.required<PromisesForm['controls']['cadence']>();

  protected readonly limits = CADENCE_LIMITS;
  /** A limit's minimum can become unreachable through the limit next to it, so errors show as either changes. */
  protected readonly live = new LiveErrorState(true);

  focus(): void {
    this.limitInput().nativeElement.focus();
  }
}
