/**
 * The translation scope of the account pages (your account, forgotten and new password):
 * `web/public/i18n/account/<locale>.json`, loaded with the page; its keys read `account.…`.
 */
export const ACCOUNT_SCOPE = 'account';
