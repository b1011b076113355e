export * from './publishing-fixture';
