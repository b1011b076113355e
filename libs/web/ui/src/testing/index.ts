export * from './translation-files.testing';
