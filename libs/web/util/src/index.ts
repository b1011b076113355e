export * from './lib/icu-messages';
export * from './lib/intl-locale';
export * from './lib/planned-time';
export * from './lib/violation-wording';
export * from './lib/zoned-time';
export * from './lib/zoned-time.pipes';
export * from './lib/colour-contrast';
