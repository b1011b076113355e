import { ChangeDetectionStrategy, Component, computed, inject, output } from '@angular/core';
import { MatListModule } from '@angular/material/list';
import { RouterLink, RouterLinkActive } from '@angular/router';
import { provideTranslocoScope, TranslocoPipe } from '@jsverse/transloco';
import { ActiveOrganization, MEDIA_SCOPE, mediaLibraryLink } from '@kadens/web/data-access';

/** The navigation's link to the media library (the page lives in the settings library, loaded on use). */
@Component({
  selector: 'kd-media-nav',
  imports: [MatListModule, RouterLink, RouterLinkActive, TranslocoPipe],
  providers: [provideTranslocoScope(MEDIA_SCOPE)],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <a
      mat-list-item
      [routerLink]="link()"
      routerLinkActive
      ariaCurrentWhenActive="page"
      #active="routerLinkActive"
      [activated]="active.isActive"
      data-testid="nav-media"
      (click)="navigated.emit()"
      >{{ 'media.nav.library' | transloco }}</a
    >
  `,
  styles: `
    :host {
      display: block;
    }
  `,
})
export class MediaNavComponent {
  private readonly activeOrganization = inject(ActiveOrganization);
  /** The link was used, e.g. to close a navigation that slides over the page. */
  readonly navigated = output<void>();
  protected readonly link = computed(() => mediaLibraryLink(this.activeOrganization.organizationId() ?? ''));
}
