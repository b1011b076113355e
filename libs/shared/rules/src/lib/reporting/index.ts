export * from './report-period';
export * from './result-numbers';
