export * from './lib/public.module';
export * from './lib/ics-writer';
