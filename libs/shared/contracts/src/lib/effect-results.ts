import type { EffectTarget } from './strategy';

/**
 * One period's measured value of an audience's effect goal ("calls to the service desk": 412 in 2026-11).
 * `period` is spelled after the goal's period: week '2026-W48', month '2026-11', quarter '2026-Q4', year '2026'.
 */
export interface EffectResultView {
  period: string;
  /** The period's first and last day (YYYY-MM-DD, inclusive). */
  from: string;
  to: string;
  value: number;
  note: string;
  enteredBy: { id: string; name: string } | null;
  enteredAt: string;
}

/** PUT …/audiences/{id}/effect-results: sets each listed period's value; `value: null` removes that period. */
export interface EffectResultsInput {
  results: Array<{ period: string; value: number | null; note?: string }>;
}

/** GET/PUT …/audiences/{id}/effect-results: the audience's goal and every entered period, newest first. */
export interface AudienceEffectResultsView {
  audienceId: string;
  effectGoal: string;
  target: EffectTarget | null;
  results: EffectResultView[];
}
