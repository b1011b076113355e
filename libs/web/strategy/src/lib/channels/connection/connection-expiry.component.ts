import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';

import { ChannelConnectionsStore } from './channel-connections.store';
import { connectionExpiry } from './sign-in';

/**
 * When a channel's connection stops working, as a badge beside its status: "Expires in 12 days",
 * "Expires today", "Expired", or "Renews by itself" when Kadens renews the token. Nothing for a
 * connection that does not expire. Warns (a sign and the error colours) from 7 days before.
 */
@Component({
  selector: 'kd-connection-expiry',
  imports: [TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (expiry(); as expiry) {
      <span [class]="'expiry expiry--' + look()" [attr.data-state]="expiry.state" data-testid="connection-expiry">
        @if (look() !== 'calm') {
          <span class="expiry__sign" aria-hidden="true">!</span>
        }
        {{ 'connect.expiry.' + expiry.state | transloco: { count: expiry.state === 'days' ? expiry.days : 0 } }}
      </span>
    }
  `,
  styles: `
    .expiry {
      display: inline-flex;
      align-items: center;
      gap: 0.25rem;
      padding: 0 0.5rem;
      border-radius: var(--mat-sys-corner-full);
      border: 1px solid var(--mat-sys-outline);
      color: var(--mat-sys-on-surface);
      font: var(--mat-sys-label-medium);
    }
    .expiry--warning,
    .expiry--expired {
      border-color: transparent;
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
    .expiry__sign {
      font-weight: 700;
    }
  `,
})
export class ConnectionExpiryComponent {
  private readonly store = inject(ChannelConnectionsStore);

  readonly channelId = input.required<string>();
  /** The moment "now" is; the page passes nothing and the badge reads the clock when the connection changes. */
  readonly now = input<number | null>(null);

  protected readonly expiry = computed(() =>
    connectionExpiry(this.store.byChannel().get(this.channelId()) ?? null, this.now() ?? Date.now()),
  );
  protected readonly look = computed(() => {
    const expiry = this.expiry();
    if (expiry === null || expiry.state === 'renews' || (expiry.state === 'days' && !expiry.soon)) return 'calm';
    return expiry.state === 'expired' ? 'expired' : 'warning';
  });
}
