import { type AbstractControl, FormControl, FormGroup, type ValidationErrors, type ValidatorFn, Validators } from '@angular/forms';
import {
  type ChannelConnectionView,
  type ConnectionField,
  connectionFieldsOf,
  connectionValueProblem,
  isConnectionBaseUrl,
  type Platform,
  type SaveChannelConnectionRequest,
} from '@kadens/shared/contracts';
import { TRANSLATED_ERROR_KEY } from '@kadens/web/ui';

type SettingControl = FormControl<string | number | null>;

export type ConnectionForm = FormGroup<{
  baseUrl: FormControl<string>;
  credentials: FormGroup<Record<string, FormControl<string>>>;
  settings: FormGroup<Record<string, SettingControl>>;
}>;

/** Where a problem with a value is explained: `strategy.connection.problems.<problem>`. */
export const PROBLEM_KEYS = ['not_text', 'empty', 'too_long', 'pattern', 'not_integer', 'out_of_range', 'not_a_choice', 'url'] as const;

const problemError = (problem: (typeof PROBLEM_KEYS)[number]): ValidationErrors => ({
  [TRANSLATED_ERROR_KEY]: `strategy.connection.problems.${problem}`,
});

/** Blank passes (whether it may be blank is `required`'s business); anything else must fit the field. */
function fieldValidator(field: ConnectionField): ValidatorFn {
  return (control: AbstractControl): ValidationErrors | null => {
    const value: unknown = control.value;
    if (value === null || value === '') return null;
    const problem = connectionValueProblem(field, value);
    return problem ? problemError(problem) : null;
  };
}

const baseUrlValidator: ValidatorFn = (control) => {
  const value = String(control.value ?? '').trim();
  return value === '' || isConnectionBaseUrl(value) ? null : problemError('url');
};

/**
 * The connection form of a platform, filled with what is stored. Credentials always start blank —
 * their values never come back from the API — and a blank one keeps the stored value, so only a
 * credential that is not stored yet is required.
 */
export function buildConnectionForm(platform: Platform, stored: ChannelConnectionView | null): ConnectionForm {
  const fields = connectionFieldsOf(platform);
  const credentials: Record<string, FormControl<string>> = {};
  for (const field of fields.credentials) {
    const needed = field.required && !(stored?.credentialNames ?? []).includes(field.name);
    credentials[field.name] = new FormControl('', {
      nonNullable: true,
      validators: [fieldValidator(field), ...(needed ? [Validators.required] : [])],
    });
  }
  const settings: Record<string, SettingControl> = {};
  for (const field of fields.settings) {
    const value = stored?.settings[field.name];
    const initial = typeof value === 'number' ? value : typeof value === 'string' ? value : field.type === 'integer' ? null : '';
    settings[field.name] = new FormControl<string | number | null>(initial, {
      validators: [fieldValidator(field), ...(field.required ? [Validators.required] : [])],
    });
  }
  return new FormGroup({
    baseUrl: new FormControl(stored?.baseUrl ?? '', {
      nonNullable: true,
      validators: [baseUrlValidator, ...(fields.address.required ? [Validators.required] : [])],
    }),
    credentials: new FormGroup(credentials),
    settings: new FormGroup(settings),
  });
}

/** The request the form stands for: every setting (they replace the stored ones), only the credentials typed in. */
export function connectionRequestOf(form: ConnectionForm): SaveChannelConnectionRequest {
  const { baseUrl, credentials, settings } = form.getRawValue();
  const typed = Object.entries(credentials).filter(([, value]) => value.trim() !== '');
  const given = Object.entries(settings).filter(
    (entry): entry is [string, string | number] => entry[1] !== null && String(entry[1]).trim() !== '',
  );
  return {
    baseUrl: baseUrl.trim() === '' ? null : baseUrl.trim(),
    settings: Object.fromEntries(given.map(([name, value]) => [name, typeof value === 'string' ? value.trim() : value])),
    ...(typed.length > 0 ? { credentials: Object.fromEntries(typed.map(([name, value]) => [name, value.trim()])) } : {}),
  };
}

/** The API names refused fields by their path in the request, which is their path in the form. */
export function connectionControlPaths(platform: Platform): Record<string, string> {
  const fields = connectionFieldsOf(platform);
  return Object.fromEntries([
    ...fields.credentials.map((field) => [`credentials.${field.name}`, `credentials.${field.name}`]),
    ...fields.settings.map((field) => [`settings.${field.name}`, `settings.${field.name}`]),
  ]);
}
