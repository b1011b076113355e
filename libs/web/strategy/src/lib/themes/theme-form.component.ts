import { ChangeDetectionStrategy, Component, type ElementRef, inject, input, viewChild } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, Validators } from '@angular/forms';
import type { ThemeView } from '@kadens/shared/contracts';

import { type SavedMessage, STRATEGY_FORM_IMPORTS, StrategyForm } from '../shared/strategy-form';
import { HEX_COLOR } from '../shared/strategy-validators';
import { THEME_PALETTE } from './theme-palette';

/** Creates a theme, or edits the one given; says `done` when saved or cancelled. */
@Component({
  selector: 'kd-theme-form',
  imports: [STRATEGY_FORM_IMPORTS],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './theme-form.component.html',
  styleUrls: ['../shared/strategy-form.scss', './theme-form.component.scss'],
})
export class ThemeFormComponent extends StrategyForm<ThemeView> {
  private readonly nameInput = viewChild.required<ElementRef<HTMLInputElement>>('nameInput');

  readonly theme = input<ThemeView | null>(null);
  protected readonly item = this.theme;

  protected readonly palette = THEME_PALETTE;
  protected readonly form = inject(NonNullableFormBuilder).group({
    name: ['', [Validators.required, Validators.maxLength(80)]],
    color: [THEME_PALETTE[0].color as string, [Validators.required, Validators.pattern(HEX_COLOR)]],
    description: ['', [Validators.maxLength(1000)]],
  });
  protected readonly color = toSignal(this.form.controls.color.valueChanges, { initialValue: this.form.controls.color.value });

  protected chooseColor(color: string): void {
    this.form.controls.color.setValue(color.toLowerCase());
    this.form.controls.color.markAsDirty();
  }

  protected isHex(color: string): boolean {
    return HEX_COLOR.test(color);
  }

  protected fill(theme: ThemeView): void {
    this.form.reset({ name: theme.name, color: theme.color, description: theme.description });
  }

  protected focusFirstField(): void {
    this.nameInput().nativeElement.focus();
  }

  protected async persist(): Promise<SavedMessage> {
    const { name, color, description } = this.form.getRawValue();
    const saved = await this.store.saveTheme(this.theme()?.id ?? null, { name, color: color.toLowerCase(), description });
    return { key: 'strategy.themes.saved', params: { name: saved.name } };
  }
}
