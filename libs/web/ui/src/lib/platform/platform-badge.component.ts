import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { Platform } from '@kadens/shared/contracts';

/** Platforms are brand names, the same in every language Kadens speaks. */
export const PLATFORM_NAMES: Readonly<Record<Platform, string>> = {
  facebook: 'Facebook',
  instagram: 'Instagram',
  linkedin: 'LinkedIn',
  x: 'X',
  mastodon: 'Mastodon',
  bluesky: 'Bluesky',
  wordpress: 'WordPress',
  webhook: 'Webhook',
};

/** A monogram in the platform's colour stands in for its logo, which Kadens does not ship. */
const BADGES: Readonly<Record<Platform, { mark: string; color: string }>> = {
  facebook: { mark: 'f', color: '#1877f2' },
  instagram: { mark: 'Ig', color: '#c13584' },
  linkedin: { mark: 'in', color: '#0a66c2' },
  x: { mark: 'X', color: '#000000' },
  mastodon: { mark: 'M', color: '#6364ff' },
  bluesky: { mark: 'Bs', color: '#0866ff' },
  wordpress: { mark: 'W', color: '#21759b' },
  webhook: { mark: '{}', color: '#5f6368' },
};

/** A small platform icon, named for screen readers. */
@Component({
  selector: 'kd-platform-badge',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<span class="badge" role="img" [attr.aria-label]="name()" [title]="name()" [style.background]="badge().color">{{
    badge().mark
  }}</span>`,
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
      font: 700 0.625rem/1 system-ui, sans-serif;
      letter-spacing: -0.02em;
    }
  `,
})
export class PlatformBadgeComponent {
  readonly platform = input.required<Platform>();

  protected readonly badge = computed(() => BADGES[this.platform()]);
  protected readonly name = computed(() => PLATFORM_NAMES[this.platform()]);
}
