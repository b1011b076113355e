export * from './demo-test-app';
