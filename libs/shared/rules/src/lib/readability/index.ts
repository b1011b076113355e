export * from './lix';
export * from './hashtags';
