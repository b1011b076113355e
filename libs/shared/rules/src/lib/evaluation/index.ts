export * from './percentile';
export * from './promises-kept';
export * from './evaluation-figures';
