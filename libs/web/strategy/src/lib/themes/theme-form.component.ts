import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  type ElementRef,
  inject,
  input,
  type OnInit,
  output,
  signal,
  viewChild,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslocoPipe } from '@jsverse/transloco';
import type { ThemeView } from '@kadens/shared/contracts';
import { FieldErrorComponent, ProblemNotifier } from '@kadens/web/ui';

import { showSaveFailure } from '../shared/save-failure';
import { HEX_COLOR } from '../shared/strategy-validators';
import { StrategyStore } from '../state/strategy.store';
import { THEME_PALETTE } from './theme-palette';

/** Creates a theme, or edits the one given; says `done` when saved or cancelled. */
@Component({
  selector: 'kd-theme-form',
  imports: [ReactiveFormsModule, MatButtonModule, MatFormFieldModule, MatInputModule, TranslocoPipe, FieldErrorComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './theme-form.component.html',
  styleUrls: ['../shared/strategy-form.scss', './theme-form.component.scss'],
})
export class ThemeFormComponent implements OnInit {
  private readonly store = inject(StrategyStore);
  private readonly notifier = inject(ProblemNotifier);
  private readonly nameInput = viewChild.required<ElementRef<HTMLInputElement>>('nameInput');

  readonly theme = input<ThemeView | null>(null);
  readonly done = output<void>();

  protected readonly palette = THEME_PALETTE;
  protected readonly saving = signal(false);
  protected readonly form = inject(NonNullableFormBuilder).group({
    name: ['', [Validators.required, Validators.maxLength(80)]],
    color: [THEME_PALETTE[0].color as string, [Validators.required, Validators.pattern(HEX_COLOR)]],
    description: ['', [Validators.maxLength(1000)]],
  });
  protected readonly color = toSignal(this.form.controls.color.valueChanges, { initialValue: this.form.controls.color.value });

  constructor() {
    afterNextRender(() => this.nameInput().nativeElement.focus());
  }

  ngOnInit(): void {
    const theme = this.theme();
    if (theme) this.form.reset({ name: theme.name, color: theme.color, description: theme.description });
  }

  protected chooseColor(color: string): void {
    this.form.controls.color.setValue(color.toLowerCase());
    this.form.controls.color.markAsDirty();
  }

  protected isHex(color: string): boolean {
    return HEX_COLOR.test(color);
  }

  protected async save(): Promise<void> {
    if (this.saving()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.saving.set(true);
    try {
      const { name, color, description } = this.form.getRawValue();
      const saved = await this.store.saveTheme(this.theme()?.id ?? null, { name, color: color.toLowerCase(), description });
      this.notifier.announce('strategy.themes.saved', { name: saved.name });
      this.done.emit();
    } catch (error) {
      showSaveFailure(this.form, error, this.notifier);
    } finally {
      this.saving.set(false);
    }
  }
}
