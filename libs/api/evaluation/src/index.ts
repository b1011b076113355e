export * from './lib/evaluation.module';
export * from './lib/evaluation.service';
export * from './lib/public-promises-kept';
