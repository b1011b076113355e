export * from './dialogue-rules';
export { customaryClosedDays, closesOnPublicHolidays, publicHolidays, type Holiday } from './holidays';
export { isWeeklyValue, type DayMinutes } from './day-schedules';
export * from './service-calendar';
export * from './service-hours-validation';
export * from './weekly-hours';
