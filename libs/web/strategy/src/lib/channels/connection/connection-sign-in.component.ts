import { ChangeDetectionStrategy, Component, computed, effect, inject, input, untracked } from '@angular/core';
import { FormControl, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslocoPipe } from '@jsverse/transloco';
import type { ChannelConnectionView, ChannelView } from '@kadens/shared/contracts';
import { ActiveOrganization, OrganizationTimeZone } from '@kadens/web/data-access';
import { FieldErrorComponent, PLATFORM_NAMES } from '@kadens/web/ui';
import { formatZonedDateTime, injectActiveLanguage } from '@kadens/web/util';

import { ConnectionChoiceComponent } from '../connection-choice/connection-choice.component';
import { AppPasswordSignInComponent } from './app-password-sign-in.component';
import { ChannelConnectionsStore } from './channel-connections.store';
import { ConnectionSignIn } from './connection-sign-in';
import { connectActionOf, connectionExpiry, signInOf } from './sign-in';

/**
 * Connecting a channel by signing in with its platform: what the last sign-in ended with, who connected
 * the channel, when, as which account and until when; for Mastodon the instance; and "Connect" (or
 * "Reconnect"), which leaves for the platform's consent page. The editor projects its own buttons
 * (close, disconnect) into the button row.
 */
@Component({
  selector: 'kd-connection-sign-in',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    TranslocoPipe,
    FieldErrorComponent,
    ConnectionChoiceComponent,
    AppPasswordSignInComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './connection-sign-in.component.html',
  styleUrl: './connection-sign-in.component.scss',
})
export class ConnectionSignInComponent {
  private readonly connections = inject(ChannelConnectionsStore);
  private readonly activeOrganization = inject(ActiveOrganization);
  private readonly timeZone = inject(OrganizationTimeZone).timeZone;
  private readonly language = injectActiveLanguage();
  protected readonly signIn = inject(ConnectionSignIn);

  readonly channel = input.required<ChannelView>();

  protected readonly platformName = computed(() => PLATFORM_NAMES[this.channel().platform]);
  protected readonly kind = computed(() => signInOf(this.channel().platform));
  /** Mastodon asks for the instance, WordPress for the site: `connect.instance.*` or `connect.site.*`. */
  protected readonly asksAddress = computed(() => {
    const kind = this.kind();
    return kind === 'instance' || kind === 'site' ? kind : null;
  });
  protected readonly stored = computed(() => this.connections.byChannel().get(this.channel().id) ?? null);
  protected readonly action = computed(() => connectActionOf(this.stored()));
  protected readonly starting = computed(() => this.signIn.starting() === this.channel().id);
  protected readonly problem = computed(() => this.signIn.problemOf(this.channel().id));
  /** The outcome of the sign-in the page was opened from, when it was this channel's. */
  protected readonly returned = computed(() => {
    const returned = this.signIn.returned();
    return returned?.channelId === this.channel().id ? returned : null;
  });

  /** Facebook, Instagram, LinkedIn: back from the sign-in, the person picks the page or organisation (kd-connection-choice). */
  protected readonly choosing = computed(() => {
    const returned = this.returned();
    const organizationId = this.activeOrganization.organizationId();
    return returned?.outcome === 'choose' && organizationId ? { organizationId, signInId: returned.signInId } : null;
  });

  /** Who connected it, when, and until when, in the organisation's zone. */
  protected readonly details = computed(() => {
    const view = this.stored();
    if (view === null) return null;
    const when = (instant: string | null) => (instant ? formatZonedDateTime(instant, this.timeZone(), this.language()) : '');
    const expiry = connectionExpiry(view);
    return {
      account: view.accountName,
      by: view.connectedBy?.name ?? null,
      at: when(view.connectedAt),
      expires: expiry !== null && expiry.state !== 'renews' ? when(view.expiresAt) : null,
      renews: expiry?.state === 'renews',
    };
  });

  protected readonly instance = new FormControl('', { nonNullable: true, validators: [Validators.required] });

  constructor() {
    // The instance (Mastodon) or site (WordPress) a channel is connected to is where it reconnects.
    effect(() => {
      const baseUrl = this.stored()?.baseUrl;
      if (baseUrl && untracked(() => this.instance.value) === '') untracked(() => this.instance.setValue(baseUrl));
    });
  }

  /** The page or organisation was picked and the connection stored: the channel is connected. */
  protected chosen(view: ChannelConnectionView): void {
    const organizationId = this.activeOrganization.organizationId();
    if (organizationId) this.connections.put(organizationId, view);
    this.connectedHere();
  }

  /** Signed in without leaving the page (Bluesky): says so like a return from the platform. */
  protected connectedHere(): void {
    this.signIn.returned.set({ channelId: this.channel().id, outcome: 'connected' });
  }

  protected async connect(): Promise<void> {
    const organizationId = this.activeOrganization.organizationId();
    if (!organizationId) return;
    const asks = this.asksAddress();
    if (asks !== null && this.instance.invalid) {
      this.instance.markAsTouched();
      return;
    }
    const value = this.instance.value.trim();
    const address = asks === 'instance' ? { instanceUrl: value } : asks === 'site' ? { siteUrl: value } : null;
    await this.signIn.start(organizationId, this.channel(), address);
  }
}
