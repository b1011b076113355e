import { inject, Pipe, type PipeTransform } from '@angular/core';
import { TranslocoService } from '@jsverse/transloco';

import { isTranslatedText, type TranslatedText } from './translated-text';

type Shown = TranslatedText | string;

/**
 * Shows words as written (an organisation's own checklist item) or translations, several joined into
 * one sentence. A placeholder's value may itself be a translation (a role's name inside a sentence).
 * Impure, like Transloco's own pipe, so it follows a language switch.
 */
@Pipe({ name: 'textOrKey', pure: false })
export class TextOrKeyPipe implements PipeTransform {
  private readonly transloco = inject(TranslocoService);

  transform(value: Shown | readonly Shown[] | null | undefined): string {
    if (value == null) return '';
    const parts: readonly Shown[] = Array.isArray(value) ? value : [value as Shown];
    return parts.map((part) => (isTranslatedText(part) ? this.translate(part) : part)).join(' ');
  }

  private translate({ key, params = {} }: TranslatedText): string {
    const values = Object.fromEntries(
      Object.entries(params).map(([name, value]) => [name, isTranslatedText(value) ? this.translate(value) : value]),
    );
    return this.transloco.translate(key, values);
  }
}
