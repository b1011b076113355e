import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { provideTranslocoScope, TranslocoPipe } from '@jsverse/transloco';
import type { Platform, TargetState } from '@kadens/shared/contracts';
import { PLATFORM_NAMES, PlatformBadgeComponent } from '@kadens/web/composer';

import { PUBLISHING_SCOPE } from '../i18n/publishing-scope';

/** A sign per delivery state, beside the platform's badge; a target not yet due has none. */
const STATE_SIGNS: Readonly<Record<TargetState, string>> = {
  pending: '',
  scheduled: '◷',
  queued: '◷',
  publishing: '…',
  published: '✓',
  failed: '!',
  unconfirmed: '?',
  held: '‖',
  expired: '×',
};

/**
 * One channel of a calendar entry: the platform's badge with a sign for how its delivery stands,
 * named in full ("Facebook: Published") for screen readers and on hover.
 */
@Component({
  selector: 'kd-target-delivery-mark',
  imports: [TranslocoPipe, PlatformBadgeComponent],
  providers: [provideTranslocoScope(PUBLISHING_SCOPE)],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let label = 'publishing.mark.label' | transloco: { platform: platformName(), state: ('publishing.targetStates.' + state() | transloco) };
    <span class="mark" [class]="'mark mark--' + state()" role="img" [attr.aria-label]="label" [title]="label" [attr.data-state]="state()">
      <kd-platform-badge aria-hidden="true" [platform]="platform()" />
      @if (sign()) {
        <span class="mark__sign" aria-hidden="true">{{ sign() }}</span>
      }
    </span>
  `,
  styles: `
    :host {
      display: inline-flex;
    }
    .mark {
      display: inline-flex;
      align-items: center;
      gap: 0.0625rem;
    }
    .mark__sign {
      min-width: 0.75rem;
      padding: 0 0.125rem;
      border-radius: 0.25rem;
      font: 700 0.625rem/1.125rem system-ui, sans-serif;
      text-align: center;
      background: #eceff1;
      color: #37474f;
    }
    .mark--published .mark__sign {
      background: #d7f5dd;
      color: #0d5a1e;
    }
    .mark--failed .mark__sign,
    .mark--expired .mark__sign {
      background: #b3261e;
      color: #fff;
    }
    .mark--unconfirmed .mark__sign,
    .mark--held .mark__sign {
      background: #fff3cd;
      color: #6a4a00;
    }
  `,
})
export class TargetDeliveryMarkComponent {
  readonly platform = input.required<Platform>();
  readonly state = input.required<TargetState>();

  protected readonly platformName = computed(() => PLATFORM_NAMES[this.platform()]);
  protected readonly sign = computed(() => STATE_SIGNS[this.state()]);
}
