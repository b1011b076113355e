import type { Platform } from './platform';

/**
 * How a channel of the platform is connected on this installation:
 * - `app`: signing in with the platform through an app of this installation (settings below);
 * - `per_instance`: signing in, with an app Kadens registers on each instance by itself (Mastodon);
 * - `app_password`: signing in with the handle and an app password, no app to set up (Bluesky);
 * - `form`: no sign-in flow; an admin fills in the platform's credentials form.
 */
export const PLATFORM_SIGN_INS = ['app', 'per_instance', 'app_password', 'form'] as const;
export type PlatformSignIn = (typeof PLATFORM_SIGN_INS)[number];

/** One platform as the operators' settings page shows it (`GET /api/operator/platforms`). Never a secret's value. */
export interface PlatformSettingsView {
  platform: Platform;
  signIn: PlatformSignIn;
  /** Whether its channels can be connected by signing in now (for `app`: the app id is set). */
  configured: boolean;
  /** The address to register as the app's redirect (callback) URI; null when the platform has no sign-in. */
  redirectUri: string | null;
  /** The installation settings (environment variables) of the platform's app, and whether each is set. */
  settings: Array<{ name: string; required: boolean; set: boolean }>;
}
