import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { Platform } from '@kadens/shared/contracts';

/** A short mark in the platform's own colour, so a list of channels can be scanned by platform. */
const MARKS: Readonly<Record<Platform, { text: string; color: string }>> = {
  facebook: { text: 'f', color: '#1877f2' },
  instagram: { text: 'IG', color: '#c13584' },
  linkedin: { text: 'in', color: '#0a66c2' },
  x: { text: 'X', color: '#000000' },
  mastodon: { text: 'M', color: '#6364ff' },
  bluesky: { text: 'B', color: '#0a7aff' },
  wordpress: { text: 'W', color: '#21759b' },
  webhook: { text: '{ }', color: '#455a64' },
};

/** Decoration only: the platform's name always stands beside it. */
@Component({
  selector: 'kd-platform-mark',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { 'aria-hidden': 'true', '[style.background]': 'mark().color' },
  template: `{{ mark().text }}`,
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
      font: 700 0.75rem / 1 system-ui, sans-serif;
      vertical-align: middle;
    }
  `,
})
export class PlatformMarkComponent {
  readonly platform = input.required<Platform>();
  protected readonly mark = computed(() => MARKS[this.platform()]);
}
