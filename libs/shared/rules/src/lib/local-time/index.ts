export * from './civil-date';
export * from './instant';
export { isValidTimeZone, offsetMsAt } from './zone-offsets';
export * from './zoned-time';
