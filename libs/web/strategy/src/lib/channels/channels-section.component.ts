import { ChangeDetectionStrategy, Component, effect, inject, input, untracked } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { TranslocoPipe } from '@jsverse/transloco';
import type { ChannelView } from '@kadens/shared/contracts';

import { ChannelPromisesEditorComponent } from '../promises/channel-promises-editor.component';
import { ChannelPromisesStore } from '../promises/channel-promises.store';
import { PromisesSummaryComponent } from '../promises/promises-summary.component';
import { SectionShellComponent } from '../shared/section-shell.component';
import { StrategyItemComponent } from '../shared/strategy-item.component';
import { StrategySection } from '../shared/strategy-section';
import { ChannelFormComponent } from './channel-form.component';
import { PlatformMarkComponent } from './platform-mark.component';

/**
 * The channels: the accounts the organisation publishes to, who answers for each, whether it is active,
 * and what it promises its audience (cadence and service hours), edited in place.
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
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './channels-section.component.html',
  styleUrl: '../shared/strategy-section.scss',
})
export class ChannelsSectionComponent extends StrategySection {
  private readonly promises = inject(ChannelPromisesStore);
  protected readonly kind = 'channels';

  /** Shown now: the tabs create every section up front, and the promises are fetched only when seen. */
  readonly active = input(true);

  constructor() {
    super();
    effect(() => {
      const organizationId = this.store.organizationId();
      const channelIds = this.store.channels().map((channel) => channel.id);
      if (!this.active() || !organizationId || !this.store.loaded()) return;
      untracked(() => void this.promises.load(organizationId, channelIds));
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
