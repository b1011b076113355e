import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { type FormArray, NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslocoPipe } from '@jsverse/transloco';
import { FieldErrorComponent } from '@kadens/web/ui';

import { closedPeriodForm, type ClosedPeriodForm } from './promises-form';

/** Whole days the channel is closed on top of its service hours (the summer weeks, a move), each with a reason. */
@Component({
  selector: 'kd-closed-periods',
  imports: [ReactiveFormsModule, MatButtonModule, MatFormFieldModule, MatInputModule, TranslocoPipe, FieldErrorComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './closed-periods.component.html',
  styleUrl: './closed-periods.component.scss',
})
export class ClosedPeriodsComponent {
  private readonly fb = inject(NonNullableFormBuilder);

  readonly periods = input.required<FormArray<ClosedPeriodForm>>();

  protected add(): void {
    this.periods().push(closedPeriodForm(this.fb));
    this.periods().markAsDirty();
  }

  protected remove(index: number): void {
    this.periods().removeAt(index);
    this.periods().markAsDirty();
  }
}
