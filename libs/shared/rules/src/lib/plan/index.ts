export * from './check-plan';
export * from './next-free-slot';
export * from './rule-caches';
