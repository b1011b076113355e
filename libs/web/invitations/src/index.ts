export * from './lib/i18n/invitations-scope';
export * from './lib/invitation.routes';
export * from './lib/my-invitations/my-invitations.component';
export * from './lib/my-invitations/my-invitations.store';
