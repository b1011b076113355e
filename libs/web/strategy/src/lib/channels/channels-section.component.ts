import { ChangeDetectionStrategy, Component, computed, effect, inject, input, untracked } from '@angular/core';
import { ActivatedRoute, Router } from '@angular/router';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { TranslocoPipe } from '@jsverse/transloco';
import type { ChannelView } from '@kadens/shared/contracts';
import { ActiveOrganization } from '@kadens/web/data-access';

import { ChannelPromisesEditorComponent } from '../promises/channel-promises-editor.component';
import { ChannelPromisesStore } from '../promises/channel-promises.store';
import { PromisesSummaryComponent } from '../promises/promises-summary.component';
import { SectionShellComponent } from '../shared/section-shell.component';
import { StrategyItemComponent } from '../shared/strategy-item.component';
import { StrategySection } from '../shared/strategy-section';
import { ChannelFormComponent } from './channel-form.component';
import { ChannelConnectionEditorComponent } from './connection/channel-connection-editor.component';
import { ChannelConnectionsStore } from './connection/channel-connections.store';
import { ConnectionExpiryComponent } from './connection/connection-expiry.component';
import { ConnectionSignIn } from './connection/connection-sign-in';
import { ConnectionStatusComponent } from './connection/connection-status.component';
import { CONNECT_RETURN_PARAMS, connectActionOf, connectReturnOf, signInOf } from './connection/sign-in';
import { STRATEGY_TAB_PARAM } from '../strategy-page/strategy-tabs';
import { PlatformMarkComponent } from './platform-mark.component';

/**
 * The channels: the accounts the organisation publishes to, who answers for each, whether it is active,
 * what it promises its audience (cadence and service hours), and whether it is connected to its
 * platform (admins connect it), edited in place.
 */
@Component({
  selector: 'kd-channels-section',
  imports: [
    MatButtonModule,
    MatProgressBarModule,
    TranslocoPipe,
    SectionShellComponent,
    StrategyItemComponent,
    ChannelFormComponent,
    ChannelPromisesEditorComponent,
    PlatformMarkComponent,
    PromisesSummaryComponent,
    ConnectionStatusComponent,
    ConnectionExpiryComponent,
    ChannelConnectionEditorComponent,
  ],
  // The list shows each channel's connection and the editor changes it: one store for both.
  providers: [ChannelConnectionsStore, ConnectionSignIn],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './channels-section.component.html',
  styleUrl: '../shared/strategy-section.scss',
})
export class ChannelsSectionComponent extends StrategySection {
  private readonly promises = inject(ChannelPromisesStore);
  private readonly connections = inject(ChannelConnectionsStore);
  private readonly activeOrganization = inject(ActiveOrganization);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  protected readonly signIn = inject(ConnectionSignIn);
  protected readonly kind = 'channels';
  /** Only admins connect channels; everyone sees whether a channel is connected. */
  protected readonly canConnect = computed(() => this.activeOrganization.can('channels.connect'));

  /** Shown now: the tabs create every section up front, and the promises are fetched only when seen. */
  readonly active = input(true);

  constructor() {
    super();
    this.takeConnectReturn();
    effect(() => {
      const organizationId = this.store.organizationId();
      const channelIds = this.store.channels().map((channel) => channel.id);
      if (!this.active() || !organizationId || !this.store.loaded()) return;
      untracked(() => {
        void this.promises.load(organizationId, channelIds);
        void this.connections.load(organizationId, channelIds);
      });
    });
  }

  /** The `editing` value while a channel's connection is open. */
  protected connectionOf(channel: Pick<ChannelView, 'id'>): string {
    return `connection:${channel.id}`;
  }

  /** Connect (or Reconnect) from the list: straight to the platform, except where the instance must be typed first. */
  protected async connectFromList(channel: ChannelView): Promise<void> {
    const organizationId = this.store.organizationId();
    if (signInOf(channel.platform) !== 'sign_in' || !organizationId) {
      this.edit(this.connectionOf(channel));
      return;
    }
    // A problem worth explaining (no app configured here) is explained in the channel's connection.
    if (!(await this.signIn.start(organizationId, channel)) && this.signIn.problemOf(channel.id)) this.edit(this.connectionOf(channel));
  }

  protected signsIn(channel: ChannelView): boolean {
    return signInOf(channel.platform) !== null;
  }

  protected connectActionFor(channel: ChannelView): 'connect' | 'reconnect' {
    return connectActionOf(this.connections.byChannel().get(channel.id) ?? null);
  }

  /**
   * Back from the platform's sign-in (`?channel=…&connected=1`, `&connectError=…`, `&choose=…`): opens
   * that channel's connection, which says how it went, and cleans the URL, so a reload does not say it again.
   */
  private takeConnectReturn(): void {
    const returned = connectReturnOf(this.route.snapshot.queryParams);
    if (returned === null) return;
    this.signIn.returned.set(returned);
    this.edit(this.connectionOf({ id: returned.channelId }));
    const cleaned: Record<string, string | null> = Object.fromEntries(CONNECT_RETURN_PARAMS.map((name) => [name, null]));
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams: { ...cleaned, [STRATEGY_TAB_PARAM]: 'channels' },
      queryParamsHandling: 'merge',
      replaceUrl: true,
    });
  }

  /** The `editing` value while a channel's promises are open. */
  protected promisesOf(channel: ChannelView): string {
    return `promises:${channel.id}`;
  }

  protected responsibleName(channel: ChannelView): string | null {
    if (!channel.responsibleUserId) return null;
    return this.store.members().find((member) => member.userId === channel.responsibleUserId)?.name ?? null;
  }

  protected remove(channel: ChannelView): Promise<void> {
    return this.removeItem({
      name: channel.name,
      remove: () => this.store.deleteChannel(channel),
      inUseCode: 'channel_in_use',
      instead: () => this.store.pauseChannel(channel),
    });
  }
}
