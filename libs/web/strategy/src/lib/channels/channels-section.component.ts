import { ChangeDetectionStrategy, Component, computed, effect, inject, input, untracked } from '@angular/core';
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
import { ConnectionStatusComponent } from './connection/connection-status.component';
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
    ChannelConnectionEditorComponent,
  ],
  // The list shows each channel's connection and the editor changes it: one store for both.
  providers: [ChannelConnectionsStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './channels-section.component.html',
  styleUrl: '../shared/strategy-section.scss',
})
export class ChannelsSectionComponent extends StrategySection {
  private readonly promises = inject(ChannelPromisesStore);
  private readonly connections = inject(ChannelConnectionsStore);
  private readonly activeOrganization = inject(ActiveOrganization);
  protected readonly kind = 'channels';
  /** Only admins connect channels; everyone sees whether a channel is connected. */
  protected readonly canConnect = computed(() => this.activeOrganization.can('channels.connect'));

  /** Shown now: the tabs create every section up front, and the promises are fetched only when seen. */
  readonly active = input(true);

  constructor() {
    super();
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
  protected connectionOf(channel: ChannelView): string {
    return `connection:${channel.id}`;
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
