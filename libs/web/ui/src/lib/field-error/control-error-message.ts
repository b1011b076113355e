import type { ValidationErrors } from '@angular/forms';

import { SERVER_ERROR_KEY, TRANSLATED_ERROR_KEY } from '../server-field-errors/server-field-errors';
import type { TranslationParams } from '../translation-params';

/** Either a translation key (with parameters) or the API's own words, shown as they came. */
type ControlErrorMessage = { kind: 'key'; key: string; params?: TranslationParams } | { kind: 'text'; text: string };

/**
 * The one message to show for a control's errors. The API's messages win, since they are the latest
 * word; then an error the form explained itself (a translation key); then the built-in validators in a fixed order. `patternKey` names what a `pattern` error means
 * for this field (e.g. "lower-case letters, digits and hyphens").
 */
export function controlErrorMessage(errors: ValidationErrors | null, patternKey = 'validation.pattern'): ControlErrorMessage | null {
  if (!errors) return null;
  const server: unknown = errors[SERVER_ERROR_KEY];
  if (Array.isArray(server) && server.length > 0) return { kind: 'text', text: server.join(' ') };
  const translated: unknown = errors[TRANSLATED_ERROR_KEY];
  if (typeof translated === 'string') return { kind: 'key', key: translated };
  if (errors['required']) return { kind: 'key', key: 'validation.required' };
  if (errors['email']) return { kind: 'key', key: 'validation.email' };
  if (errors['minlength']) return { kind: 'key', key: 'validation.minLength', params: { min: errors['minlength'].requiredLength } };
  if (errors['maxlength']) return { kind: 'key', key: 'validation.maxLength', params: { max: errors['maxlength'].requiredLength } };
  if (errors['pattern']) return { kind: 'key', key: patternKey };
  const [first] = Object.keys(errors);
  return first ? { kind: 'key', key: `validation.${first}` } : null;
}
