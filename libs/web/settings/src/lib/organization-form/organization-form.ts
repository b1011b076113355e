import {
  type AbstractControl,
  type FormControl,
  type FormGroup,
  NonNullableFormBuilder,
  type ValidationErrors,
  Validators,
} from '@angular/forms';
import { type Country, type CreateOrganizationRequest, type Locale, SLUG_PATTERN } from '@kadens/shared/contracts';

import { supportedTimeZones } from './time-zones';

export type OrganizationFormGroup = FormGroup<{
  name: FormControl<string>;
  slug: FormControl<string>;
  timeZone: FormControl<string>;
  country: FormControl<Country>;
  defaultLocale: FormControl<Locale>;
  capacityHoursPerWeek: FormControl<number | null>;
  readabilityTarget: FormControl<number | null>;
}>;

/** The most hours a week an organisation can state it has, as the API allows. */
const MAX_CAPACITY_HOURS_PER_WEEK = 10_000;

const COUNTRY_FOR_LOCALE: Readonly<Record<Locale, Country>> = { nb: 'NO', da: 'DK', sv: 'SE', en: 'NO' };
const TIME_ZONE_FOR_COUNTRY: Readonly<Record<Country, string>> = {
  NO: 'Europe/Oslo',
  DK: 'Europe/Copenhagen',
  SE: 'Europe/Stockholm',
};

/** Reasonable first values for a new organisation, guessed from the language the user works in. */
export function organizationDefaults(locale: Locale): CreateOrganizationRequest {
  const country = COUNTRY_FOR_LOCALE[locale];
  return {
    name: '',
    slug: '',
    timeZone: TIME_ZONE_FOR_COUNTRY[country],
    country,
    defaultLocale: locale,
    capacityHoursPerWeek: null,
    readabilityTarget: null,
  };
}

export function buildOrganizationForm(formBuilder: NonNullableFormBuilder, initial: CreateOrganizationRequest): OrganizationFormGroup {
  return formBuilder.group({
    name: [initial.name, [Validators.required]],
    slug: [initial.slug, [Validators.required, Validators.pattern(SLUG_PATTERN)]],
    timeZone: [initial.timeZone, [Validators.required, knownTimeZoneValidator(supportedTimeZones())]],
    country: [initial.country, [Validators.required]],
    defaultLocale: [initial.defaultLocale, [Validators.required]],
    capacityHoursPerWeek: [initial.capacityHoursPerWeek ?? null, [capacityHoursValidator]],
    readabilityTarget: [initial.readabilityTarget ?? null, [readabilityTargetValidator]],
  });
}

/** Empty (not stated), or 0 to 10,000 hours a week with at most one decimal. */
export function capacityHoursValidator(control: AbstractControl<number | null>): ValidationErrors | null {
  const value = control.value;
  if (value === null || value === undefined) return null;
  const tenths = value * 10;
  const valid = value >= 0 && value <= MAX_CAPACITY_HOURS_PER_WEEK && Math.abs(tenths - Math.round(tenths)) < 1e-9;
  return valid ? null : { capacityHours: true };
}

/** Empty (the default, 40), or a whole LIX from 10 to 80, as the API allows. */
export function readabilityTargetValidator(control: AbstractControl<number | null>): ValidationErrors | null {
  const value = control.value;
  if (value === null || value === undefined) return null;
  return Number.isInteger(value) && value >= 10 && value <= 80 ? null : { readabilityTarget: true };
}

export function knownTimeZoneValidator(zones: readonly string[]) {
  const known = new Set(zones);
  return (control: AbstractControl<string>): ValidationErrors | null =>
    !control.value || known.has(control.value) ? null : { timeZone: true };
}

const TRANSLITERATIONS: Readonly<Record<string, string>> = { æ: 'ae', ø: 'o', å: 'a', ä: 'a', ö: 'o', ß: 'ss' };

/** A slug suggested from the organisation's name: "Solsikken Barnehage" → "solsikken-barnehage". */
export function slugFromName(name: string): string {
  return name
    .toLowerCase()
    .replace(/[æøåäöß]/g, (letter) => TRANSLITERATIONS[letter] ?? letter)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
