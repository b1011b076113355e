import { InjectionToken } from '@angular/core';

/** Now, as epoch milliseconds; tests pin it so "the coming week" is a known week. */
export const CURRENT_TIME = new InjectionToken<() => number>('current time', {
  providedIn: 'root',
  factory: () => () => Date.now(),
});
