export * from './lib/reports.module';
export { refreshRollups, type RollupRefresh } from './lib/rollups/refresh-rollups';
export { SUMMARY_SQL, summaryParameters } from './lib/summary/summary-sql';
