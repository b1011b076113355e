import type { DestroyRef } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { type NonNullableFormBuilder, type ValidatorFn, Validators } from '@angular/forms';
import type { CadencePolicy, ChannelPromises, ChannelPromisesView, ClosedPeriod, Country, ServiceHours } from '@kadens/shared/contracts';

import { CADENCE_LIMITS, type CadenceLimit } from './cadence-limits';
import {
  cadenceRule,
  notBeforeStart,
  openingHoursRule,
  optionalWholeNumber,
  preferredSlotsRule,
  recheckOnChange,
  responseWindowRule,
} from './promises-validators';
import { bindWeekToText, buildWeekForm, weeklyHoursSyncOf } from './weekly-hours-form';

/** Minutes in one response-window unit. */
type ResponseUnit = 1 | 60;

/** The API's limits (its DTO); a week of minutes, and twenty preferred slots. */
const MAX_RESPONSE_MINUTES = 7 * 24 * 60;
const MAX_SLOTS = 20;

export function buildPromisesForm(fb: NonNullableFormBuilder, country: () => Country | null, destroyRef: DestroyRef) {
  const limit = (field: CadenceLimit['field'], ...rules: ValidatorFn[]) => {
    const { min, max, key } = CADENCE_LIMITS.find((candidate) => candidate.field === field) as CadenceLimit;
    return fb.control<number | null>(null, [optionalWholeNumber(min, max, `strategy.promises.validation.${key}`), ...rules]);
  };
  const cadence = fb.group({
    maxPostsPerDay: limit('maxPostsPerDay'),
    minMinutesBetweenPosts: limit(
      'minMinutesBetweenPosts',
      cadenceRule('minMinutesBetweenPosts', 'strategy.promises.validation.gapOverSilence'),
    ),
    minPostsPerWeek: limit('minPostsPerWeek', cadenceRule('minPostsPerWeek', 'strategy.promises.validation.minPerWeekUnreachable')),
    maxDaysOfSilence: limit('maxDaysOfSilence'),
    preferredSlots: [[] as string[], [preferredSlotsRule(MAX_SLOTS, 'strategy.promises.validation.slots')]],
    publicDescription: ['', [Validators.maxLength(300)]],
  });
  const serviceHours = fb.group({
    openingHours: ['', [Validators.maxLength(1000), openingHoursRule(country)]],
    responseWindow: [
      null as number | null,
      [Validators.required, responseWindowRule(MAX_RESPONSE_MINUTES, 'strategy.promises.validation.responseWindow')],
    ],
    responseUnit: [60 as ResponseUnit],
    closedPeriods: fb.array<ClosedPeriodForm>([]),
    /** The weekly editor's view of `openingHours`; never sent. */
    week: buildWeekForm(fb),
  });
  const form = fb.group({ cadence, serviceHours });
  bindWeekToText(fb, serviceHours.controls.openingHours, serviceHours.controls.week, destroyRef);

  recheckOnChange(cadence, [cadence.controls.minPostsPerWeek, cadence.controls.minMinutesBetweenPosts], destroyRef);
  recheckOnChange(serviceHours.controls.responseUnit, [serviceHours.controls.responseWindow], destroyRef);
  // The response promise and the closures belong to service hours; without them they are neither checked nor sent.
  const { openingHours, responseWindow, responseUnit, closedPeriods } = serviceHours.controls;
  const followOpeningHours = (value: string) => {
    for (const control of [responseWindow, responseUnit, closedPeriods]) {
      if (value.trim() === '') control.disable({ emitEvent: false });
      else control.enable({ emitEvent: false });
    }
  };
  followOpeningHours('');
  openingHours.valueChanges.pipe(takeUntilDestroyed(destroyRef)).subscribe(followOpeningHours);
  return form;
}

export type PromisesForm = ReturnType<typeof buildPromisesForm>;
export type ClosedPeriodForm = ReturnType<typeof closedPeriodForm>;

export function closedPeriodForm(fb: NonNullableFormBuilder, period?: ClosedPeriod) {
  const group = fb.group({
    start: [period?.start ?? '', [Validators.required]],
    end: [period?.end ?? '', [Validators.required, notBeforeStart('strategy.promises.validation.endBeforeStart')]],
    reason: [period?.reason ?? '', [Validators.maxLength(200)]],
  });
  group.controls.start.valueChanges.subscribe(() => group.controls.end.updateValueAndValidity());
  return group;
}

/** Puts a channel's promises in the form. */
export function fillPromisesForm(form: PromisesForm, fb: NonNullableFormBuilder, view: ChannelPromisesView): void {
  const cadence = view.cadence;
  const hours = view.serviceHours;
  const minutes = hours?.responseWindowMinutes ?? null;
  // Hours unless the promise is kept in odd minutes; a new promise is usually a few hours.
  const unit: ResponseUnit = minutes === null || (minutes > 0 && minutes % 60 === 0) ? 60 : 1;
  const periods = form.controls.serviceHours.controls.closedPeriods;
  periods.clear({ emitEvent: false });
  for (const period of hours?.closedPeriods ?? []) periods.push(closedPeriodForm(fb, period), { emitEvent: false });
  // The week is read from the stored text once the form holds it, not rewritten by the reset.
  weeklyHoursSyncOf(form.controls.serviceHours.controls.openingHours).refill(() =>
    form.reset({
      cadence: {
        maxPostsPerDay: cadence?.maxPostsPerDay ?? null,
        minMinutesBetweenPosts: cadence?.minMinutesBetweenPosts ?? null,
        minPostsPerWeek: cadence?.minPostsPerWeek ?? null,
        maxDaysOfSilence: cadence?.maxDaysOfSilence ?? null,
        preferredSlots: cadence?.preferredSlots ?? [],
        publicDescription: cadence?.publicDescription ?? '',
      },
      serviceHours: {
        openingHours: hours?.openingHours ?? '',
        responseWindow: minutes === null ? null : minutes / unit,
        responseUnit: unit,
      },
    }),
  );
}

/** The two promises as the API takes them: a cadence that says nothing, or no service hours, is null. */
export function promisesOfForm(form: PromisesForm): ChannelPromises {
  const { cadence, serviceHours } = form.getRawValue();
  const policy: CadencePolicy = { ...cadence, publicDescription: cadence.publicDescription.trim() };
  const saysSomething =
    [policy.maxPostsPerDay, policy.minMinutesBetweenPosts, policy.minPostsPerWeek, policy.maxDaysOfSilence].some(
      (value) => value !== null,
    ) ||
    policy.preferredSlots.length > 0 ||
    policy.publicDescription !== '';
  const openingHours = serviceHours.openingHours.trim();
  const hours: ServiceHours | null =
    openingHours === ''
      ? null
      : {
          openingHours,
          responseWindowMinutes: Math.round((serviceHours.responseWindow ?? 0) * serviceHours.responseUnit),
          closedPeriods: serviceHours.closedPeriods.map(({ start, end, reason }) => ({
            start,
            end,
            ...(reason.trim() ? { reason: reason.trim() } : {}),
          })),
        };
  return { cadence: saysSomething ? policy : null, serviceHours: hours };
}

/**
 * The control the API means by a refused field: `cadence.preferredSlots.2` is the slot list,
 * `serviceHours.responseWindowMinutes` the window's number, `serviceHours.closedPeriods.0.end` that end.
 */
export function controlPathOf(form: PromisesForm, field: string): string {
  if (field === 'serviceHours.responseWindowMinutes') return 'serviceHours.responseWindow';
  const parts = field.split('.');
  while (parts.length > 1 && !form.get(parts.join('.'))) parts.pop();
  return parts.join('.');
}
