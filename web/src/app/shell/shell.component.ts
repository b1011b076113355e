import { BreakpointObserver } from '@angular/cdk/layout';
import { ChangeDetectionStrategy, Component, computed, inject, Injector, viewChild } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatListModule } from '@angular/material/list';
import { type MatSidenav, MatSidenavModule } from '@angular/material/sidenav';
import { MatToolbarModule } from '@angular/material/toolbar';
import { NavigationEnd, Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import type { Locale, OrganizationId } from '@kadens/shared/contracts';
import { NotificationBellComponent } from '@kadens/web/approvals';
import {
  ActiveOrganization,
  describeApiError,
  LanguageService,
  loginLink,
  ORGANIZATION_AREAS,
  type OrganizationArea,
  organizationAreaLink,
  SessionStore,
} from '@kadens/web/data-access';
import { MyInvitationsComponent } from '@kadens/web/invitations';
import { CrisisBannerComponent, provideDeliveryPanel, PublishingNavComponent } from '@kadens/web/publishing';
import { LanguagePickerComponent, ProblemNotifier } from '@kadens/web/ui';
import { filter, map } from 'rxjs';

import { openCreateOrganizationDialog } from '../organizations/open-create-organization-dialog';
import { MediaNavComponent } from './media-nav.component';
import { OrganizationSwitcherComponent } from './organization-switcher.component';
import { UserMenuComponent } from './user-menu.component';

/** Below this width the navigation slides over the page instead of standing beside it. */
const NARROW_SCREEN = '(max-width: 959.98px)';
/** Below this width the toolbar keeps to one row: the language moves into the navigation, the name to initials. */
const PHONE_SCREEN = '(max-width: 599.98px)';

/** The frame around every page inside an organisation: toolbar, navigation, content. */
@Component({
  selector: 'kd-shell',
  imports: [
    MatButtonModule,
    MatListModule,
    MatSidenavModule,
    MatToolbarModule,
    RouterLink,
    RouterLinkActive,
    RouterOutlet,
    TranslocoPipe,
    LanguagePickerComponent,
    NotificationBellComponent,
    OrganizationSwitcherComponent,
    UserMenuComponent,
    CrisisBannerComponent,
    PublishingNavComponent,
    MediaNavComponent,
    MyInvitationsComponent,
  ],
  // The composer, opened from any page of the organisation, shows each saved post's delivery.
  providers: [provideDeliveryPanel()],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './shell.component.html',
  styleUrl: './shell.component.scss',
})
export class ShellComponent {
  private readonly router = inject(Router);
  private readonly notifier = inject(ProblemNotifier);
  private readonly injector = inject(Injector);
  private readonly sidenav = viewChild.required<MatSidenav>('sidenav');
  protected readonly session = inject(SessionStore);
  protected readonly activeOrganization = inject(ActiveOrganization);
  protected readonly language = inject(LanguageService);

  protected readonly isNarrow = toSignal(
    inject(BreakpointObserver)
      .observe(NARROW_SCREEN)
      .pipe(map((state) => state.matches)),
    { initialValue: false },
  );
  protected readonly isPhone = toSignal(
    inject(BreakpointObserver)
      .observe(PHONE_SCREEN)
      .pipe(map((state) => state.matches)),
    { initialValue: false },
  );
  private readonly currentArea = toSignal(
    this.router.events.pipe(
      filter((event) => event instanceof NavigationEnd),
      map(() => this.areaInUrl()),
    ),
    { initialValue: this.areaInUrl() },
  );

  protected readonly navigation = computed(() => {
    const organizationId = this.activeOrganization.organizationId();
    return organizationId ? ORGANIZATION_AREAS.map((area) => ({ area, link: organizationAreaLink(organizationId, area) })) : [];
  });

  protected switchOrganization(organizationId: OrganizationId): void {
    void this.router.navigate(organizationAreaLink(organizationId, this.currentArea()));
  }

  protected async createOrganization(): Promise<void> {
    const organization = await openCreateOrganizationDialog(this.injector);
    if (organization) await this.router.navigate(organizationAreaLink(organization.id, 'settings'));
  }

  protected async chooseLanguage(locale: Locale): Promise<void> {
    try {
      await this.language.choose(locale);
    } catch (error) {
      const problem = describeApiError(error);
      this.notifier.report(problem.status === 401 ? problem : { ...problem, reasonKey: 'language.saveFailed' });
    }
  }

  protected async logout(): Promise<void> {
    try {
      await this.session.logout();
    } catch {
      // The session is forgotten here either way; the server's cookie expires on its own.
    }
    await this.router.navigate(loginLink());
  }

  protected closeNavigationIfOverlaying(): void {
    if (this.isNarrow()) void this.sidenav().close();
  }

  private areaInUrl(): OrganizationArea | undefined {
    const segments = this.router.parseUrl(this.router.url).root.children['primary']?.segments ?? [];
    const area = segments[2]?.path;
    return ORGANIZATION_AREAS.find((candidate) => candidate === area);
  }
}
