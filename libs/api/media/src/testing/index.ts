export * from './mp4-fixture';
