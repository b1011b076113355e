export * from './lib/create-organization/create-organization.launcher';
export * from './lib/settings.routes';
