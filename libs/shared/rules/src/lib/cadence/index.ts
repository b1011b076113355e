export * from './cadence-policy';
export {
  checkCadence,
  checkMaxPerDay,
  checkMaxSilence,
  checkMinGap,
  checkMinPerWeek,
  type CadenceCheckOptions,
  type DayRange,
  type InstantRange,
  type TimedItem,
} from './cadence-rules';
