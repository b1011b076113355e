export * from './lib/connect.module';
export { type ConnectError, OAUTH_CALLBACK_PATH } from './lib/connect.service';
export { X_SCOPE } from './lib/x-flow';
export { MASTODON_SCOPE } from './lib/mastodon-apps';
