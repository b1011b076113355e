import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import { TranslocoPipe } from '@jsverse/transloco';
import { type Locale, LOCALES } from '@kadens/shared/contracts';

import { LOCALE_ENDONYMS } from '../locale-endonyms/locale-endonyms';

/** A select of the languages Kadens speaks, each named in its own words. */
@Component({
  selector: 'kd-language-picker',
  imports: [MatFormFieldModule, MatSelectModule, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    :host {
      display: inline-block;
    }
    mat-form-field {
      width: 11rem;
    }
  `,
  template: `
    <mat-form-field appearance="outline" subscriptSizing="dynamic">
      <mat-label>{{ 'language.label' | transloco }}</mat-label>
      <mat-select data-testid="language-picker" [value]="locale()" (selectionChange)="localeChange.emit($event.value)">
        @for (option of locales; track option) {
          <mat-option [value]="option" [attr.data-testid]="'language-option-' + option" [attr.lang]="option">
            {{ endonyms[option] }}
          </mat-option>
        }
      </mat-select>
    </mat-form-field>
  `,
})
export class LanguagePickerComponent {
  readonly locale = input.required<Locale>();
  readonly localeChange = output<Locale>();

  protected readonly locales = LOCALES;
  protected readonly endonyms = LOCALE_ENDONYMS;
}
