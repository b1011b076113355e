/**
 * The translation scope of the invitation page and of the invitations a person sees in the app:
 * `web/public/i18n/invitations/<locale>.json`, loaded with the component that needs it; keys read `invitations.…`.
 */
export const INVITATIONS_SCOPE = 'invitations';
