import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { TranslocoPipe } from '@jsverse/transloco';
import type { ChannelView } from '@kadens/shared/contracts';

import { ItemRemoval } from '../shared/item-removal.service';
import { StrategyStore } from '../state/strategy.store';
import { ChannelFormComponent } from './channel-form.component';
import { PlatformMarkComponent } from './platform-mark.component';

/** The channels: the accounts the organisation publishes to, who answers for each, and whether it is active. */
@Component({
  selector: 'kd-channels-section',
  imports: [MatButtonModule, TranslocoPipe, ChannelFormComponent, PlatformMarkComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './channels-section.component.html',
  styleUrl: '../shared/strategy-section.scss',
})
export class ChannelsSectionComponent {
  private readonly removal = inject(ItemRemoval);
  protected readonly store = inject(StrategyStore);

  /** The channel being edited, `new` for a new one, null when no form is open. */
  protected readonly editing = signal<string | null>(null);

  protected responsibleName(channel: ChannelView): string | null {
    if (!channel.responsibleUserId) return null;
    return this.store.members().find((member) => member.userId === channel.responsibleUserId)?.name ?? null;
  }

  protected edit(id: string): void {
    this.editing.set(id);
  }

  protected closeForm(): void {
    this.editing.set(null);
  }

  protected remove(channel: ChannelView): Promise<void> {
    return this.removal.remove({
      kind: 'channels',
      name: channel.name,
      remove: () => this.store.deleteChannel(channel),
      inUseCode: 'channel_in_use',
      instead: () => this.store.pauseChannel(channel),
    });
  }
}
