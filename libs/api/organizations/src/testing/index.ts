export * from './demo-test-app';
export * from './add-member';
