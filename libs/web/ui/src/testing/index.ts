export * from './fixture-queries.testing';
export * from './source-files.testing';
export * from './translation-files.testing';
export * from './transloco-testing.testing';
