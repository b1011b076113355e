export * from './lib/approvals.routes';
export * from './lib/i18n/approvals-scope';
export * from './lib/notifications/notification-bell.component';
export * from './lib/settings/approval-settings.component';
export * from './lib/external-review/external-review.routes';
