export * from './lib/exchange.module';
