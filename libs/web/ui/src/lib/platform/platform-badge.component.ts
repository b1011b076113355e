import { booleanAttribute, ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { Platform } from '@kadens/shared/contracts';

import { PLATFORM_BRANDS } from './platform-brands';

/** A small platform icon, named for screen readers (or hidden from them when its name stands beside it). */
@Component({
  selector: 'kd-platform-badge',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<span
    class="badge"
    [attr.role]="decorative() ? null : 'img'"
    [attr.aria-label]="decorative() ? null : badge().name"
    [attr.aria-hidden]="decorative() ? 'true' : null"
    [title]="badge().name"
    [style.background]="badge().color"
    >{{ badge().mark }}</span
  >`,
  styles: `
    :host {
      display: inline-flex;
    }
    .badge {
      display: inline-flex;
      align-items: center;
      justify-content: center;
      min-width: 1.125rem;
      height: 1.125rem;
      padding: 0 0.1875rem;
      box-sizing: border-box;
      border-radius: 0.25rem;
      outline: 1px solid rgb(255 255 255 / 60%);
      color: #fff;
      font:
        700 0.625rem/1 system-ui,
        sans-serif;
      letter-spacing: -0.02em;
    }
  `,
})
export class PlatformBadgeComponent {
  readonly platform = input.required<Platform>();
  /** Hidden from screen readers: the platform's name is written beside it. */
  readonly decorative = input(false, { transform: booleanAttribute });

  protected readonly badge = computed(() => PLATFORM_BRANDS[this.platform()]);
}
