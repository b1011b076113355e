import type { SessionView } from './auth';
import type { MediaLimits } from './media';

/** What a password must be; the API refuses anything else with a 400 naming the field. */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 200;
export const PASSWORD_POLICY = { minLength: PASSWORD_MIN_LENGTH, maxLength: PASSWORD_MAX_LENGTH } as const;

export type PasswordProblemKind = 'too_short' | 'too_long' | 'personal' | 'guessable';

/**
 * The API's words for each problem (English, in the 400's `errors[].messages`). The web recognises the
 * kind by these texts and shows its own translation.
 */
export const PASSWORD_PROBLEM_MESSAGES: Record<PasswordProblemKind, string> = {
  too_short: `The password must be at least ${PASSWORD_POLICY.minLength} characters long.`,
  too_long: `The password must be at most ${PASSWORD_POLICY.maxLength} characters long.`,
  personal: 'The password must not be built from your e-mail address or name.',
  guessable:
    'The password is too easy to guess: it is a common password or follows a common pattern. A few unrelated words make a strong one.',
};

/** Which kind of problem an API message names, if any. */
export function passwordProblemKindOf(message: string): PasswordProblemKind | null {
  const kinds = Object.keys(PASSWORD_PROBLEM_MESSAGES) as PasswordProblemKind[];
  return kinds.find((kind) => PASSWORD_PROBLEM_MESSAGES[kind] === message) ?? null;
}

export interface ChangePasswordRequest {
  currentPassword: string;
  newPassword: string;
}

export interface PasswordResetRequest {
  email: string;
}

export interface PasswordResetConfirmRequest {
  token: string;
  password: string;
}

/** One of the caller's own sessions (`GET /api/me/sessions`). */
export interface AccountSessionView {
  /** Stable, not the token: the first 16 hex digits of the token's SHA-256. */
  id: string;
  createdAt: string;
  lastUsedAt: string;
  /** A short description of the browser, e.g. "Firefox on Windows"; null when unknown. */
  device: string | null;
  /** The address, shortened (IPv4 to /24, IPv6 to /48), e.g. "192.0.2.x"; null when unknown. */
  address: string | null;
  current: boolean;
}

/** What the installation lets the caller do, part of `GET /api/me`. */
export interface InstallationRights {
  /** Listed in OPERATOR_EMAILS: sees the queue dashboard. */
  operator: boolean;
  /** May create organisations (ORGANIZATION_CREATORS). */
  mayCreateOrganizations: boolean;
}

/** `GET /api/me`: the session, plus what the installation lets the person do. */
export interface MeView extends SessionView {
  installation: InstallationRights;
  /** The largest files the media library takes, so the web refuses a larger one before sending it (the API refuses it anyway). */
  mediaLimits?: MediaLimits;
}

/**
 * The header with which the web app asks `GET /api/me` whether anyone is logged in: without a session
 * the answer is then 200 `{authenticated: false}` (`NoSessionView`) instead of a 401, so a page shown to
 * people who are not logged in starts without a failed request.
 */
export const SESSION_CHECK_HEADER = 'kadens-session-check';

/** `GET /api/me` with `kadens-session-check: optional` and no valid session. */
export interface NoSessionView {
  authenticated: false;
}
