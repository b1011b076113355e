export * from './input-error';
export * from './violation';
