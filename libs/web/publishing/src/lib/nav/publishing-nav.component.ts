import { ChangeDetectionStrategy, Component, computed, inject, Injector, output } from '@angular/core';
import { MatListModule } from '@angular/material/list';
import { RouterLink, RouterLinkActive } from '@angular/router';
import { provideTranslocoScope, TranslocoPipe } from '@jsverse/transloco';
import { ActiveOrganization, attentionLink, PublishingStream } from '@kadens/web/data-access';

import { PublishingPauses } from '../crisis/publishing-pauses';
import { PUBLISHING_SCOPE } from '../i18n/publishing-scope';

/** More than this shows as "99+". */
const MAX_SHOWN_COUNT = 99;

/**
 * The navigation's publishing entries: the needs-attention list with how many targets are in it, and
 * for admins the crisis switch, one click from every page. Place inside the shell's `mat-nav-list`.
 */
@Component({
  selector: 'kd-publishing-nav',
  imports: [MatListModule, RouterLink, RouterLinkActive, TranslocoPipe],
  providers: [provideTranslocoScope(PUBLISHING_SCOPE)],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <a
      mat-list-item
      [routerLink]="link()"
      routerLinkActive
      ariaCurrentWhenActive="page"
      #active="routerLinkActive"
      [activated]="active.isActive"
      [attr.aria-label]="count() ? ('publishing.nav.attentionWithCount' | transloco: { count: count() }) : null"
      data-testid="nav-publishing"
      (click)="navigated.emit()"
    >
      <span class="nav__label">
        {{ 'publishing.nav.attention' | transloco }}
        @if (count(); as count) {
          <span class="nav__count" aria-hidden="true" data-testid="nav-publishing-count">{{ count }}</span>
        }
      </span>
    </a>
    @if (canPause() && !organizationPaused()) {
      <button mat-list-item type="button" class="nav__pause" (click)="pause()" data-testid="nav-pause-publishing">
        {{ 'publishing.nav.pause' | transloco }}
      </button>
    }
  `,
  styles: `
    :host {
      display: block;
    }
    .nav__label {
      display: inline-flex;
      align-items: center;
      gap: 0.5rem;
    }
    .nav__count {
      min-width: 1.25rem;
      padding: 0 0.375rem;
      border-radius: var(--mat-sys-corner-full, 999px);
      box-sizing: border-box;
      background: var(--mat-sys-error);
      color: var(--mat-sys-on-error);
      font: var(--mat-sys-label-small);
      line-height: 1.25rem;
      text-align: center;
    }
    .nav__pause {
      color: var(--mat-sys-error);
    }
  `,
})
export class PublishingNavComponent {
  private readonly stream = inject(PublishingStream);
  private readonly pauses = inject(PublishingPauses);
  private readonly activeOrganization = inject(ActiveOrganization);
  private readonly injector = inject(Injector);

  /** A link or button was used, e.g. to close a navigation that slides over the page. */
  readonly navigated = output<void>();

  protected readonly link = computed(() => attentionLink(this.activeOrganization.organizationId() ?? ''));
  protected readonly canPause = computed(() => this.activeOrganization.can('publishing.pause'));
  protected readonly organizationPaused = computed(() => this.stream.status()?.organization != null);
  /** The number to show, or '' for none. */
  protected readonly count = computed(() => {
    const count = this.stream.status()?.attentionCount ?? 0;
    if (count === 0) return '';
    return count > MAX_SHOWN_COUNT ? `${MAX_SHOWN_COUNT}+` : String(count);
  });

  protected pause(): void {
    const organizationId = this.activeOrganization.organizationId();
    this.navigated.emit();
    if (organizationId) void this.pauses.pause(organizationId, this.injector);
  }
}
