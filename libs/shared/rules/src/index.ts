export * from './lib/permissions';
export * from './lib/approval';
export * from './lib/local-time';
export * from './lib/violation';
export * from './lib/cadence';
export * from './lib/service-hours';
export * from './lib/plan';
