import type { CadencePolicy } from '@kadens/shared/contracts';

type LimitField = Exclude<keyof CadencePolicy, 'preferredSlots' | 'publicDescription'>;

export interface CadenceLimit {
  field: LimitField;
  /** Its texts: `strategy.promises.cadence.<key>` and `strategy.promises.validation.<key>`. */
  key: string;
  testId: string;
  /** The API's range (its DTO, stricter than the rules' own in places). */
  min: number;
  max: number;
  /** A blocking rule stops a post from being scheduled; a warning only shows in the calendar. */
  severity: 'block' | 'warn';
}

/** The four optional limits of a cadence, in the order the editor shows them: the blocking ones first. */
export const CADENCE_LIMITS: readonly CadenceLimit[] = [
  { field: 'maxPostsPerDay', key: 'maxPerDay', testId: 'promises-max-per-day', min: 1, max: 100, severity: 'block' },
  { field: 'minMinutesBetweenPosts', key: 'minGap', testId: 'promises-min-gap', min: 1, max: 10_080, severity: 'block' },
  { field: 'minPostsPerWeek', key: 'minPerWeek', testId: 'promises-min-per-week', min: 1, max: 100, severity: 'warn' },
  { field: 'maxDaysOfSilence', key: 'maxSilence', testId: 'promises-max-silence', min: 1, max: 365, severity: 'warn' },
];
