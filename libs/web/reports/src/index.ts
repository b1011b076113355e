export * from './lib/reports.routes';
export * from './lib/reports-paths';
export * from './lib/i18n/reports-scope';
