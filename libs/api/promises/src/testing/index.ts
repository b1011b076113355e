export * from './promises-world';
