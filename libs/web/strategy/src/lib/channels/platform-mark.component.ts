import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { Platform } from '@kadens/shared/contracts';
import { PLATFORM_BRANDS } from '@kadens/web/ui';

/** The platform's brand mark, a little larger than the badge; decoration only: the platform's name always stands beside it. */
@Component({
  selector: 'kd-platform-mark',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { 'aria-hidden': 'true', '[style.background]': 'mark().color' },
  template: `{{ mark().mark }}`,
  styles: `
    :host {
      display: inline-flex;
      align-items: center;
      justify-content: center;
      min-width: 1.5rem;
      height: 1.5rem;
      margin-inline-end: 0.5rem;
      padding: 0 0.25rem;
      box-sizing: border-box;
      border-radius: var(--mat-sys-corner-small);
      color: #fff;
      font:
        700 0.75rem / 1 system-ui,
        sans-serif;
      vertical-align: middle;
    }
  `,
})
export class PlatformMarkComponent {
  readonly platform = input.required<Platform>();
  protected readonly mark = computed(() => PLATFORM_BRANDS[this.platform()]);
}
