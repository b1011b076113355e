import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { TranslocoPipe } from '@jsverse/transloco';
import type { PlatformSettingsView } from '@kadens/shared/contracts';
import { describeApiError, SessionStore } from '@kadens/web/data-access';
import { PLATFORM_NAMES, PlatformBadgeComponent, ProblemNotifier } from '@kadens/web/ui';

import { PlatformSettingsApi } from './platform-settings.api';

/** How a platform's entry looks: ready, missing its app, or connected by the credentials form. */
export function platformLook(view: PlatformSettingsView): 'configured' | 'missing' | 'form' {
  if (view.signIn === 'form') return 'form';
  return view.configured ? 'configured' : 'missing';
}

/**
 * For the installation's operators: which platforms channels can be connected to by signing in, the
 * redirect URI to register with each platform's app, and which of its settings are set (names only,
 * never values). Anyone else is told the page is not for them (the API answers 403).
 */
@Component({
  selector: 'kd-platform-settings-page',
  imports: [MatProgressBarModule, TranslocoPipe, PlatformBadgeComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './platform-settings-page.component.html',
  styleUrl: './platform-settings-page.component.scss',
})
export class PlatformSettingsPageComponent {
  private readonly api = inject(PlatformSettingsApi);
  private readonly notifier = inject(ProblemNotifier);
  protected readonly isOperator = inject(SessionStore).isOperator;

  protected readonly names = PLATFORM_NAMES;
  protected readonly platforms = signal<PlatformSettingsView[] | null>(null);
  protected readonly forbidden = signal(false);
  protected readonly look = platformLook;

  constructor() {
    if (this.isOperator()) void this.load();
    else this.forbidden.set(true);
  }

  private async load(): Promise<void> {
    try {
      this.platforms.set(await this.api.list());
    } catch (error) {
      if (error instanceof HttpErrorResponse && error.status === 403) this.forbidden.set(true);
      else this.notifier.report(describeApiError(error));
    }
  }
}
