export * from './lib/mail-outbox';
export * from './lib/notifications.module';
export * from './lib/notifications.service';
