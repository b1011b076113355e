export * from './lib/create-organization/create-organization.launcher';
export * from './lib/settings.routes';
export * from './lib/media-library/media-library.routes';
