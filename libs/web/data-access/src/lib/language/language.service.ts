import { DOCUMENT } from '@angular/common';
import { computed, effect, inject, Injectable, signal } from '@angular/core';
import { TranslocoService } from '@jsverse/transloco';
import type { Locale } from '@kadens/shared/contracts';
import { firstValueFrom } from 'rxjs';

import { ActiveOrganization } from '../organization/active-organization.store';
import { SessionStore } from '../session/session.store';
import { BROWSER_LANGUAGES } from './browser-languages';
import { resolveLocale } from './locale-resolution';

/**
 * Decides which language the screen speaks and keeps Transloco and `<html lang>` in step with it.
 * Order: a page's own language while it is shown, then the user's own choice, then the active
 * organisation's default, then the browser.
 */
@Injectable({ providedIn: 'root' })
export class LanguageService {
  private readonly transloco = inject(TranslocoService);
  private readonly session = inject(SessionStore);
  private readonly activeOrganization = inject(ActiveOrganization);
  private readonly browserLanguages = inject(BROWSER_LANGUAGES);
  private readonly document = inject(DOCUMENT);
  /** A choice made before logging in; it lasts until someone logs in, whose own settings then count. */
  private readonly guestChoice = signal<Locale | null>(null);
  private readonly pageLocale = signal<Locale | null>(null);

  readonly locale = computed<Locale>(() => {
    const pageLocale = this.pageLocale();
    if (pageLocale) return pageLocale;
    const user = this.session.user();
    return resolveLocale({
      userLocale: user ? user.locale : this.guestChoice(),
      organizationLocale: user ? (this.activeOrganization.membership()?.organizationLocale ?? null) : null,
      browserLanguages: this.browserLanguages,
    });
  });

  constructor() {
    effect(() => this.apply(this.locale()));
  }

  /** Loads the current language's texts, so the first screen never shows raw keys. */
  async preload(): Promise<void> {
    const locale = this.locale();
    try {
      await firstValueFrom(this.transloco.load(locale));
    } catch (error) {
      // Draw the app anyway; Transloco retries when the language is next set.
      console.error(`Could not load the ${locale} translations`, error);
    }
    this.apply(locale);
  }

  /**
   * Switches the screen at once and, when logged in, saves the choice on the account. If saving fails
   * the screen keeps the new language for now and the returned promise rejects, for the caller to report.
   */
  async choose(locale: Locale): Promise<void> {
    if (!this.session.user()) {
      this.guestChoice.set(locale);
      return;
    }
    this.session.patchUser({ locale });
    await this.session.updateMe({ locale });
  }

  /**
   * For a page that speaks to its own visitors, whoever is logged in (the public availability page
   * follows `?lang=`, not the account): its language while it is shown, never saved. Null hands back.
   */
  usePageLocale(locale: Locale | null): void {
    this.pageLocale.set(locale);
  }

  private apply(locale: Locale): void {
    if (this.transloco.getActiveLang() !== locale) {
      this.transloco.setActiveLang(locale);
    }
    this.document.documentElement.lang = locale;
  }
}
