import { APP_CONFIG, type AppConfig, type AuthUser, CurrentUser, isOperator } from '@kadens/api/core';
import { type Platform, PLATFORMS, type PlatformSettingsView, type PlatformSignIn } from '@kadens/shared/contracts';
import { Controller, ForbiddenException, Get, Inject } from '@nestjs/common';
import { ApiForbiddenResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';

import { OAUTH_CALLBACK_PATH } from './connect.service';

const X_DEFAULT_AUTHORIZE_URL = 'https://x.com/i/oauth2/authorize';
const X_DEFAULT_API_URL = 'https://api.x.com';

/** One installation setting of a platform's app: its variable, whether the flow needs it, and whether it is set. */
interface AppSetting {
  name: string;
  required: boolean;
  set(config: AppConfig): boolean;
}

interface PlatformApp {
  signIn: PlatformSignIn;
  settings: AppSetting[];
}

const given = (value: string | null | undefined): boolean => typeof value === 'string' && value.trim() !== '';

/** One Facebook app signs in both Facebook Pages and Instagram accounts. */
const FACEBOOK_APP: PlatformApp = {
  signIn: 'app',
  settings: [
    { name: 'FACEBOOK_APP_ID', required: true, set: (config) => given(config.oauth.facebook.appId) },
    { name: 'FACEBOOK_APP_SECRET', required: true, set: (config) => given(config.oauth.facebook.appSecret) },
    { name: 'FACEBOOK_DIALOG_URL', required: false, set: (config) => config.oauth.facebook.dialogUrl !== 'https://www.facebook.com' },
    { name: 'FACEBOOK_GRAPH_URL', required: false, set: (config) => config.oauth.facebook.graphUrl !== 'https://graph.facebook.com' },
  ],
};

/**
 * How each platform signs in, and the settings of its app (README, "Settings"); the addresses have the
 * platform's own as defaults, so for them "set" means replaced (a proxy, a test). A platform that is not
 * listed has no sign-in flow: its channels are connected with the credentials form. A new flow adds its row here.
 */
const PLATFORM_APPS: Partial<Record<Platform, PlatformApp>> = {
  facebook: FACEBOOK_APP,
  instagram: FACEBOOK_APP,
  linkedin: {
    signIn: 'app',
    settings: [
      { name: 'LINKEDIN_CLIENT_ID', required: true, set: (config) => given(config.oauth.linkedin.clientId) },
      { name: 'LINKEDIN_CLIENT_SECRET', required: true, set: (config) => given(config.oauth.linkedin.clientSecret) },
      { name: 'LINKEDIN_OAUTH_URL', required: false, set: (config) => config.oauth.linkedin.oauthUrl !== 'https://www.linkedin.com' },
      { name: 'LINKEDIN_API_URL', required: false, set: (config) => config.oauth.linkedin.apiUrl !== 'https://api.linkedin.com' },
    ],
  },
  x: {
    signIn: 'app',
    settings: [
      { name: 'X_CLIENT_ID', required: true, set: (config) => given(config.oauth.x.clientId) },
      { name: 'X_CLIENT_SECRET', required: false, set: (config) => given(config.oauth.x.clientSecret) },
      { name: 'X_AUTHORIZE_URL', required: false, set: (config) => config.oauth.x.authorizeUrl !== X_DEFAULT_AUTHORIZE_URL },
      { name: 'X_API_URL', required: false, set: (config) => config.oauth.x.apiUrl !== X_DEFAULT_API_URL },
    ],
  },
  mastodon: { signIn: 'per_instance', settings: [] },
  bluesky: { signIn: 'app_password', settings: [] },
};

/** The platforms' sign-in settings of this installation, in the platforms' order. Pure: the controller only adds who may see it. */
export function platformSettings(config: AppConfig): PlatformSettingsView[] {
  const redirectUri = `${config.publicUrl}${OAUTH_CALLBACK_PATH}`;
  return PLATFORMS.map((platform) => {
    const app = PLATFORM_APPS[platform];
    if (app === undefined) return { platform, signIn: 'form', configured: false, redirectUri: null, settings: [] };
    const settings = app.settings.map((setting) => ({ name: setting.name, required: setting.required, set: setting.set(config) }));
    return {
      platform,
      signIn: app.signIn,
      configured: settings.every((setting) => !setting.required || setting.set),
      redirectUri: app.signIn === 'app_password' ? null : redirectUri,
      settings,
    };
  });
}

/**
 * The installation's operators (OPERATOR_EMAILS) see which platforms can be signed in with and which
 * settings are missing — the names of the settings and whether they are set, never their values.
 */
@ApiTags('installation')
@Controller('operator/platforms')
export class PlatformSettingsController {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** Every platform: how its channels are connected, whether its app is configured, the redirect URI to register. */
  @Get()
  @ApiOkResponse({ description: 'One entry per platform, in the order of the platform list.' })
  @ApiForbiddenResponse({ description: "Only the installation's operators (OPERATOR_EMAILS) see this (code operator_only)." })
  list(@CurrentUser() user: AuthUser): PlatformSettingsView[] {
    if (!isOperator(this.config, user.email)) {
      throw new ForbiddenException({
        message: "Only this installation's operators (OPERATOR_EMAILS) see its platform settings",
        code: 'operator_only',
      });
    }
    return platformSettings(this.config);
  }
}
