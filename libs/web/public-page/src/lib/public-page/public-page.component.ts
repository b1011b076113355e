import { DOCUMENT } from '@angular/common';
import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, DestroyRef, effect, inject, input, signal, untracked } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { Title } from '@angular/platform-browser';
import { ActivatedRoute, Router } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import type { Locale } from '@kadens/shared/contracts';
import { BROWSER_LANGUAGES, LanguageService, PUBLIC_API_PATHS, PublicAvailabilityApi } from '@kadens/web/data-access';
import { LanguagePickerComponent } from '@kadens/web/ui';

import { attachJsonLd } from '../json-ld/json-ld-script';
import { choosePublicLocale } from '../language/public-locale';
import { PublicChannelComponent } from '../public-channel/public-channel.component';
import { msUntilStale, type PublicPageState } from './public-page-state';
import { timeZoneName } from './time-zone-name';

/**
 * `/public/:slug`: an organisation's channels and their promises, for anyone, no login. It speaks the
 * visitor's language, tells the time on the organisation's clock, and gives search engines the same as
 * schema.org JSON-LD.
 */
@Component({
  selector: 'kd-public-page',
  imports: [TranslocoPipe, MatButtonModule, LanguagePickerComponent, PublicChannelComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './public-page.component.html',
  styleUrl: './public-page.component.scss',
})
export class PublicPageComponent {
  /** The organisation's slug, from the path. */
  readonly slug = input.required<string>();
  /** `?lang=`, from the query. */
  readonly lang = input<string>();

  private readonly api = inject(PublicAvailabilityApi);
  private readonly language = inject(LanguageService);
  private readonly browserLanguages = inject(BROWSER_LANGUAGES);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly document = inject(DOCUMENT);
  private readonly title = inject(Title);
  private readonly transloco = inject(TranslocoService);
  private readonly activeLanguage = toSignal(this.transloco.langChanges$);
  private readonly translationEvents = toSignal(this.transloco.events$);
  private loads = 0;

  protected readonly state = signal<PublicPageState>({ status: 'loading' });
  protected readonly availability = computed(() => {
    const state = this.state();
    return state.status === 'ready' ? state.availability : null;
  });

  protected readonly locale = computed<Locale>(() =>
    choosePublicLocale({
      requested: this.lang() ?? null,
      browserLanguages: this.browserLanguages,
      organizationLocale: this.availability()?.organization.defaultLocale ?? null,
    }),
  );

  protected readonly calendarFeed = computed(() => {
    const availability = this.availability();
    if (!availability) return null;
    const feed = new URL(PUBLIC_API_PATHS.availabilityIcal(availability.organization.slug, this.locale()), this.document.location.href);
    return { download: feed.toString(), subscribe: feed.toString().replace(/^https?:/, 'webcal:') };
  });

  /** "Promises kept" per channel, when the organisation shows it: the share of the last weeks with the promised minimum. */
  protected readonly promisesKept = computed(() => {
    const kept = this.availability()?.promisesKept;
    const channels = this.availability()?.channels ?? [];
    if (!kept || kept.channels.length === 0) return null;
    const percent = new Intl.NumberFormat(this.locale(), { style: 'percent', maximumFractionDigits: 0 });
    return {
      weeks: kept.weeks,
      rows: kept.channels.map((row) => ({
        ...row,
        name: channels.find((channel) => channel.id === row.channelId)?.name ?? '',
        share: percent.format(row.weeksKeptShare),
      })),
    };
  });

  protected readonly zoneName = computed(() => {
    const availability = this.availability();
    return availability ? timeZoneName(availability.organization.timeZone, this.locale(), new Date(availability.generatedAt)) : '';
  });

  constructor() {
    const titleBefore = this.title.getTitle();
    effect(() => this.language.usePageLocale(this.locale()));
    inject(DestroyRef).onDestroy(() => {
      this.language.usePageLocale(null);
      this.title.setTitle(titleBefore);
    });

    effect(() => {
      const slug = this.slug();
      untracked(() => {
        this.state.set({ status: 'loading' });
        void this.load(slug, false);
      });
    });

    effect((onCleanup) => {
      const availability = this.availability();
      if (availability) onCleanup(attachJsonLd(this.document, availability.jsonLd));
    });

    effect(() => {
      // The app's title strategy rewrites the title when the language or its texts change; reading the
      // same signals runs this after it, so the organisation's name stays.
      this.activeLanguage();
      this.translationEvents();
      const availability = this.availability();
      if (availability) this.title.setTitle(availability.organization.name);
    });

    effect((onCleanup) => {
      const state = this.state();
      if (state.status !== 'ready') return;
      const wait = msUntilStale(state.availability, Date.now(), state.fresh);
      if (wait === null) return;
      const timer = setTimeout(() => void this.load(untracked(this.slug), true), wait);
      onCleanup(() => clearTimeout(timer));
    });
  }

  protected chooseLanguage(locale: Locale): void {
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams: { lang: locale },
      queryParamsHandling: 'merge',
      replaceUrl: true,
    });
  }

  protected retry(): void {
    this.state.set({ status: 'loading' });
    void this.load(this.slug(), true);
  }

  /** `fresh` reloads keep what is shown if they fail: slightly old hours beat an error page. */
  private async load(slug: string, fresh: boolean): Promise<void> {
    const load = ++this.loads;
    try {
      const availability = await this.api.get(slug, { fresh });
      if (load === this.loads) this.state.set({ status: 'ready', availability, fresh });
    } catch (error) {
      if (load !== this.loads || (fresh && this.state().status === 'ready')) return;
      const notFound = error instanceof HttpErrorResponse && error.status === 404;
      this.state.set({ status: notFound ? 'notFound' : 'failed' });
    }
  }
}
