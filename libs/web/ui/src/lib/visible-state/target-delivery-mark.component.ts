import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import type { Platform } from '@kadens/shared/contracts';
import type { VisibleState } from '@kadens/shared/rules';

import { PlatformBadgeComponent } from '../platform/platform-badge.component';
import { PLATFORM_BRANDS } from '../platform/platform-brands';
import { VISIBLE_STATE_LOOKS } from './visible-state-looks';

/**
 * One channel of a calendar entry: the platform's badge with its state's sign, named in full
 * ("Facebook: Published") for screen readers and on hover.
 */
@Component({
  selector: 'kd-target-delivery-mark',
  imports: [TranslocoPipe, PlatformBadgeComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let label = 'visibleStates.mark' | transloco: { platform: platformName(), state: ('visibleStates.' + state() | transloco) };
    <span class="mark" role="img" [attr.aria-label]="label" [title]="label" [attr.data-state]="state()">
      <kd-platform-badge decorative [platform]="platform()" />
      <span class="mark__sign" aria-hidden="true" [style.background]="look().background" [style.color]="look().color">{{
        look().sign
      }}</span>
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
      font:
        700 0.625rem/1.125rem system-ui,
        sans-serif;
      text-align: center;
    }
  `,
})
export class TargetDeliveryMarkComponent {
  readonly platform = input.required<Platform>();
  readonly state = input.required<VisibleState>();

  protected readonly platformName = computed(() => PLATFORM_BRANDS[this.platform()].name);
  protected readonly look = computed(() => VISIBLE_STATE_LOOKS[this.state()]);
}
