export * from './lib/publishing.module';
