export * from './approval-types';
export * from './approval-policy';
export * from './approval-transitions';
export * from './decide-post-action';
export * from './external-review';
