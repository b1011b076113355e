import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';

import { ChannelConnectionsStore } from './channel-connections.store';
import { connectionState } from './connection-advice';

/**
 * Whether a channel can publish: not connected, saved but untested, connected as its account, or in
 * need of reconnecting with the platform's last words. Shown to every member; nothing while fetched.
 */
@Component({
  selector: 'kd-connection-status',
  imports: [TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (loaded()) {
      @let view = connection();
      <span [class]="'chip chip--' + (view?.status ?? 'none')" data-testid="connection-status">
        {{ state().key | transloco: state().params }}
      </span>
      @if (view?.status === 'reconnect_needed' && view?.lastError) {
        <span class="last-error" data-testid="connection-last-error">{{
          'strategy.connection.lastError' | transloco: { error: view?.lastError }
        }}</span>
      }
    }
  `,
  styles: `
    :host {
      display: inline-flex;
      flex-wrap: wrap;
      align-items: baseline;
      gap: 0.5rem;
    }
    .chip {
      display: inline-block;
      padding: 0 0.5rem;
      border-radius: var(--mat-sys-corner-full);
      background: var(--mat-sys-surface-container-highest);
      color: var(--mat-sys-on-surface);
      font: var(--mat-sys-label-medium);
    }
    .chip--connected {
      background: var(--mat-sys-primary-container);
      color: var(--mat-sys-on-primary-container);
    }
    .chip--reconnect_needed {
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
    .last-error {
      color: var(--mat-sys-error);
      font: var(--mat-sys-body-small);
      overflow-wrap: anywhere;
    }
  `,
})
export class ConnectionStatusComponent {
  private readonly store = inject(ChannelConnectionsStore);

  readonly channelId = input.required<string>();

  protected readonly loaded = computed(() => this.store.byChannel().has(this.channelId()));
  protected readonly connection = computed(() => this.store.byChannel().get(this.channelId()) ?? null);
  protected readonly state = computed(() => connectionState(this.connection()));
}
