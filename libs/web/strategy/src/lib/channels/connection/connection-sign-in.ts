import { DOCUMENT } from '@angular/common';
import { HttpErrorResponse } from '@angular/common/http';
import { inject, Injectable, InjectionToken, signal } from '@angular/core';
import type { ChannelView, OrganizationId } from '@kadens/shared/contracts';
import { describeApiError } from '@kadens/web/data-access';
import { PLATFORM_NAMES, ProblemNotifier, type TranslationParams } from '@kadens/web/ui';

import { ChannelConnectionsApi } from './channel-connections.api';
import type { ConnectReturn } from './sign-in';

/** Leaves the app for the platform's consent page (a full navigation; the callback brings the browser back). */
export const EXTERNAL_NAVIGATION = new InjectionToken<(url: string) => void>('EXTERNAL_NAVIGATION', {
  providedIn: 'root',
  factory: () => {
    const document = inject(DOCUMENT);
    return (url: string) => document.location.assign(url);
  },
});

/** Why "Connect" could not leave for the platform, in the person's words: `connect.start.<reason>`. */
export interface SignInProblem {
  key: string;
  params?: TranslationParams;
  /** The API's own words, shown as details (English), when they add something. */
  details: string | null;
  /** The address field is what is wrong (Mastodon's instance, WordPress's site). */
  instance: boolean;
}

/** Where the account lives, for the platforms that ask (`authorize`'s `instanceUrl` or `siteUrl`). */
export type SignInAddress = { instanceUrl: string } | { siteUrl: string };

export const SIGN_IN_START_PROBLEMS = ['not_configured', 'not_supported', 'instance'] as const;

/**
 * Starting a channel's sign-in with its platform ("Connect" / "Reconnect") and what the landing URL
 * said about the last one. Provided by the channels section, so the list and the editor share it.
 */
@Injectable()
export class ConnectionSignIn {
  private readonly api = inject(ChannelConnectionsApi);
  private readonly notifier = inject(ProblemNotifier);
  private readonly navigate = inject(EXTERNAL_NAVIGATION);

  /** The channel whose sign-in is being started, while its consent page is asked for. */
  readonly starting = signal<string | null>(null);
  /** Why the last start of a channel failed; cleared when it is started again. */
  readonly problems = signal<ReadonlyMap<string, SignInProblem>>(new Map());
  /** What the platform's sign-in ended with, from the URL the page was opened with (kept after the URL is cleaned). */
  readonly returned = signal<ConnectReturn | null>(null);

  /** Asks for the consent page and goes there; resolves false (with the problem remembered) when it cannot. */
  async start(organizationId: OrganizationId, channel: ChannelView, address: SignInAddress | null = null): Promise<boolean> {
    if (this.starting() !== null) return false;
    this.starting.set(channel.id);
    this.remember(channel.id, null);
    if (this.returned()?.channelId === channel.id) this.returned.set(null);
    try {
      const { authorizeUrl } = await this.api.authorize(organizationId, channel.id, address);
      this.navigate(authorizeUrl);
      return true;
    } catch (error) {
      const problem = startProblem(error, channel);
      if (problem === null) this.notifier.report(describeApiError(error));
      else this.remember(channel.id, problem);
      return false;
    } finally {
      this.starting.set(null);
    }
  }

  problemOf(channelId: string): SignInProblem | null {
    return this.problems().get(channelId) ?? null;
  }

  private remember(channelId: string, problem: SignInProblem | null): void {
    this.problems.update((known) => {
      const next = new Map(known);
      if (problem === null) next.delete(channelId);
      else next.set(channelId, problem);
      return next;
    });
  }
}

/** A 400 the editor explains in its own words (the platform has no app here, or the instance cannot be used); null for anything else. */
export function startProblem(error: unknown, channel: Pick<ChannelView, 'platform'>): SignInProblem | null {
  if (!(error instanceof HttpErrorResponse) || error.status !== 400) return null;
  const body = (error.error ?? {}) as { code?: unknown; errors?: Array<{ field?: unknown; messages?: unknown }> };
  const refused = body.errors?.[0];
  const details = Array.isArray(refused?.messages) && typeof refused.messages[0] === 'string' ? refused.messages[0] : null;
  const params = { platform: PLATFORM_NAMES[channel.platform] };
  if (refused?.field === 'instanceUrl') return { key: 'connect.start.instance', params, details, instance: true };
  if (refused?.field === 'siteUrl') return { key: 'connect.start.site', params, details, instance: true };
  if (refused?.field !== 'platform') return null;
  const key = body.code === 'oauth_not_supported' ? 'connect.start.not_supported' : 'connect.start.not_configured';
  return { key, params, details: null, instance: false };
}
