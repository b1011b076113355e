export * from './lib/public-page.routes';
