import { afterNextRender, Directive, inject, type OnInit, output, type Signal, signal } from '@angular/core';
import { type FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslocoPipe } from '@jsverse/transloco';
import { FieldErrorComponent, ProblemNotifier, type TranslationParams } from '@kadens/web/ui';

import { StrategyStore } from '../state/strategy.store';
import { FormActionsComponent } from './form-actions.component';
import { showSaveFailure } from './save-failure';

/** What every strategy form's template uses: reactive forms, Material fields, texts, field errors, cancel and save. */
export const STRATEGY_FORM_IMPORTS = [
  ReactiveFormsModule,
  MatFormFieldModule,
  MatInputModule,
  TranslocoPipe,
  FieldErrorComponent,
  FormActionsComponent,
] as const;

/** What the notifier says once an item is saved. */
export interface SavedMessage {
  key: string;
  params?: TranslationParams;
}

/**
 * What the strategy forms do alike: fill in the item they edit, focus their first field, check before
 * asking the API, save once at a time, say what was saved, and show a refusal next to its field.
 * Says `done` when saved or cancelled.
 */
@Directive()
export abstract class StrategyForm<Item> implements OnInit {
  protected readonly store = inject(StrategyStore);
  protected readonly notifier = inject(ProblemNotifier);

  readonly done = output<void>();

  protected readonly saving = signal(false);
  protected abstract readonly form: FormGroup;
  /** The item edited; null for a new one. */
  protected abstract readonly item: Signal<Item | null>;
  /** Where a field the API refuses lives in the form, when not under its own top-level name. */
  protected readonly controlNames: Readonly<Record<string, string>> = {};

  constructor() {
    afterNextRender(() => this.focusFirstField());
  }

  ngOnInit(): void {
    const item = this.item();
    if (item) this.fill(item);
  }

  protected async save(): Promise<void> {
    if (this.saving()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.saving.set(true);
    try {
      const message = await this.persist();
      this.notifier.announce(message.key, message.params);
      this.done.emit();
    } catch (error) {
      this.showFailure(error);
    } finally {
      this.saving.set(false);
    }
  }

  protected showFailure(error: unknown): void {
    showSaveFailure(this.form, error, this.notifier, this.controlNames);
  }

  /** Puts the edited item's values in the form. */
  protected abstract fill(item: Item): void;
  protected abstract focusFirstField(): void;
  /** Sends the (valid) form to the API; rejects with the API's error. */
  protected abstract persist(): Promise<SavedMessage>;
}
