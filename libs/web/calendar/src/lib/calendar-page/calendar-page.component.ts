import { BreakpointObserver } from '@angular/cdk/layout';
import { ChangeDetectionStrategy, Component, computed, effect, inject, Injector, signal, untracked, viewChild } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatBottomSheet } from '@angular/material/bottom-sheet';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { ActivatedRoute, Router } from '@angular/router';
import {
  type CalendarOptions,
  type DateClickInfo,
  type DatesSetInfo,
  type EventApi,
  type EventClickInfo,
  type EventDropInfo,
  FullCalendarComponent,
  FullCalendarModule,
} from '@fullcalendar/angular';
import { provideTranslocoScope, TranslocoPipe } from '@jsverse/transloco';
import type { CalendarEntry, OrganizationId } from '@kadens/shared/contracts';
import { targetAtRisk } from '@kadens/shared/rules';
import {
  ActiveOrganization,
  CalendarApi,
  COMPOSER,
  type ComposerResult,
  describeApiError,
  LanguageService,
  PLANNING_SCOPE,
  type PlanningCatalog,
  PlanningCatalogApi,
} from '@kadens/web/data-access';
import { PLATFORM_NAMES, ProblemNotifier, TargetDeliveryMarkComponent, VisibleStateChipComponent } from '@kadens/web/ui';
import { dayAtTime, DEFAULT_PLANNING_TIME, localDateOf } from '@kadens/web/util';
import { map } from 'rxjs';

import { calendarEventInputs, type CalendarEventProps } from '../calendar-events/calendar-events';
import { CalendarFiltersComponent } from '../calendar-filters/calendar-filters.component';
import { type CalendarFiltersSheetData, CalendarFiltersSheetComponent } from '../calendar-filters/calendar-filters-sheet.component';
import { CalendarLegendComponent } from '../calendar-legend/calendar-legend.component';
import { CalendarOverlays } from '../calendar-overlays/calendar-overlays';
import {
  CALENDAR_DATE_PARAM,
  CALENDAR_VIEW_PARAM,
  CALENDAR_VIEWS,
  DEFAULT_CALENDAR_VIEW,
  type CalendarFilters,
  calendarFilterCount,
  calendarFilterParams,
  type CalendarView,
  hasCalendarFilters,
  readCalendarUrlState,
  sameCalendarFilters,
} from '../calendar-url-state/calendar-url-state';
import { CalendarExchangeComponent } from '../exchange/calendar-exchange.component';
import { CalendarStylesheet } from '../fullcalendar/calendar-stylesheet';
import { CALENDAR_ACCESSIBILITY } from '../fullcalendar/fullcalendar-accessibility';
import { CALENDAR_LOCALES, CALENDAR_PLUGINS, calendarViewOf, FULLCALENDAR_VIEWS } from '../fullcalendar/fullcalendar-setup';
import { followLiveDeliveries } from './calendar-live-deliveries';
import { CalendarPostMover, withPlannedAt } from './calendar-post-mover';

/** A phone: the list by default, filters in a sheet, a compact toolbar. */
const PHONE_SCREEN = '(max-width: 599.98px)';

interface VisibleRange {
  from: string;
  to: string;
  view: CalendarView;
}

/**
 * The organisation's posts on a calendar in its own time zone. The URL holds the view, the date and
 * the filters; the calendar follows the URL, and its own navigation writes back to it.
 */
@Component({
  selector: 'kd-calendar-page',
  imports: [
    MatButtonModule,
    MatButtonToggleModule,
    MatProgressBarModule,
    FullCalendarModule,
    TranslocoPipe,
    CalendarFiltersComponent,
    CalendarLegendComponent,
    TargetDeliveryMarkComponent,
    VisibleStateChipComponent,
    CalendarExchangeComponent,
  ],
  providers: [provideTranslocoScope(PLANNING_SCOPE), CalendarOverlays, CalendarPostMover],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './calendar-page.component.html',
  styleUrl: './calendar-page.component.scss',
})
export class CalendarPageComponent {
  private readonly route = inject(ActivatedRoute);
  private readonly router = inject(Router);
  private readonly injector = inject(Injector);
  private readonly activeOrganization = inject(ActiveOrganization);
  private readonly catalogApi = inject(PlanningCatalogApi);
  private readonly calendarApi = inject(CalendarApi);
  private readonly language = inject(LanguageService);
  private readonly composer = inject(COMPOSER);
  private readonly mover = inject(CalendarPostMover);
  private readonly notifier = inject(ProblemNotifier);
  private readonly stylesheet = inject(CalendarStylesheet);
  private readonly overlays = inject(CalendarOverlays);
  private readonly fullCalendar = viewChild(FullCalendarComponent);
  private readonly bottomSheet = inject(MatBottomSheet);
  private readonly breakpoints = inject(BreakpointObserver);

  protected readonly isPhone = toSignal(this.breakpoints.observe(PHONE_SCREEN).pipe(map((state) => state.matches)), {
    initialValue: this.breakpoints.isMatched(PHONE_SCREEN),
  });
  /** Decided once, when the page opens: turning the phone does not swap the view under the reader. */
  private readonly defaultView: CalendarView = this.breakpoints.isMatched(PHONE_SCREEN) ? 'list' : DEFAULT_CALENDAR_VIEW;

  protected readonly views = CALENDAR_VIEWS;
  protected readonly platformNames = PLATFORM_NAMES;
  protected readonly canEdit = computed(() => this.activeOrganization.can('posts.edit'));
  private readonly queryParams = toSignal(this.route.queryParamMap, { requireSync: true });
  protected readonly urlState = computed(() => readCalendarUrlState(this.queryParams(), this.defaultView));
  protected readonly filters = computed(() => this.urlState().filters, { equal: sameCalendarFilters });
  protected readonly filtersActive = computed(() => hasCalendarFilters(this.filters()));
  protected readonly filterCount = computed(() => calendarFilterCount(this.filters()));
  /** What the export holds and the feed may filter by: the range shown, with the filters. */
  protected readonly exchangeQuery = computed(() => {
    const range = this.range();
    return range ? { from: range.from, to: range.to, ...this.filters() } : null;
  });

  protected readonly catalog = signal<PlanningCatalog | null>(null);
  private readonly range = signal<VisibleRange | null>(null, {
    equal: (a, b) => a?.from === b?.from && a?.to === b?.to && a?.view === b?.view,
  });
  private readonly entries = signal<CalendarEntry[]>([]);
  protected readonly title = signal('');
  protected readonly loading = signal(false);
  private loadSequence = 0;
  /** Where the calendar opens; later changes of the URL move it through its API. */
  private initial = untracked(this.urlState);

  protected readonly events = computed(() => {
    const catalog = this.catalog();
    const week = this.urlState().view === 'week';
    return catalog
      ? [
          ...calendarEventInputs(this.entries(), catalog, this.canEdit()),
          ...this.overlays.bandEvents(catalog.channels, catalog.timeZone, week),
        ]
      : [];
  });

  /** The week view's warnings, said once above the grid rather than in each day's column. */
  protected readonly weekNotices = computed(() => {
    const catalog = this.catalog();
    const range = this.range();
    if (!catalog || range?.view !== 'week') return [];
    const from = localDateOf(new Date(range.from), catalog.timeZone);
    const to = localDateOf(new Date(range.to), catalog.timeZone);
    return this.overlays.weekNotices(catalog.channels, from, to);
  });

  protected readonly options = computed<CalendarOptions | undefined>(() => {
    const catalog = this.catalog();
    if (!catalog) return undefined;
    return {
      plugins: CALENDAR_PLUGINS,
      timeZone: catalog.timeZone,
      locale: CALENDAR_LOCALES[this.language.locale()],
      firstDay: 1,
      headerToolbar: false,
      initialView: FULLCALENDAR_VIEWS[this.initial.view],
      initialDate: this.initial.date ?? undefined,
      height: 'auto',
      eventDisplay: 'block',
      eventTimeFormat: { hour: '2-digit', minute: '2-digit', hour12: false },
      // A day shows this many posts, then "+n more"; a phone's narrow days keep to two.
      dayMaxEvents: this.isPhone() ? 2 : 4,
      // Hooks for fullcalendar-overrides.css, which keeps every post and "+n more" inside its day.
      dayCellClass: 'kd-day',
      moreLinkClass: 'kd-more',
      nowIndicator: true,
      scrollTime: '08:00:00',
      editable: this.canEdit(),
      eventDurationEditable: false,
      datesSet: this.datesShown,
      eventClick: this.postClicked,
      dateClick: this.slotClicked,
      eventDrop: this.postDropped,
      ...CALENDAR_ACCESSIBILITY,
    };
  });

  constructor() {
    followLiveDeliveries(this.entries, () => this.reload());
    void this.loadCatalog(this.activeOrganization.organizationId());
    // The URL leads: back, forward and shared links move the calendar.
    effect(() => {
      const state = this.urlState();
      const api = this.fullCalendar()?.getApi();
      const catalog = this.catalog();
      if (!api || !catalog) return;
      untracked(() => {
        const view = FULLCALENDAR_VIEWS[state.view];
        if (api.view.type !== view) api.changeView(view, state.date ?? undefined);
        else if (state.date && state.date !== localDateOf(api.getDate(), catalog.timeZone)) api.gotoDate(state.date);
      });
    });
    effect(() => {
      const catalog = this.catalog();
      const range = this.range();
      const filters = this.filters();
      if (catalog && range) untracked(() => this.load(catalog.organizationId, range, filters));
    });
  }

  protected afterImport(): void {
    this.reload();
  }

  protected entryOf(event: EventApi): CalendarEntry {
    return (event.extendedProps as CalendarEventProps).entry;
  }

  protected propsOf(event: EventApi): CalendarEventProps {
    return event.extendedProps as CalendarEventProps;
  }

  /** The target goes out after its channel's connection expires: someone must reconnect the channel first. */
  protected atRisk(entry: CalendarEntry, channelId: string): boolean {
    const target = entry.targets.find((candidate) => candidate.channelId === channelId);
    return target !== undefined && targetAtRisk(target.state, entry.plannedAt, this.overlays.deadlines().get(target.channelId) ?? null);
  }

  protected filter(filters: CalendarFilters): void {
    void this.router.navigate([], { relativeTo: this.route, queryParams: calendarFilterParams(filters), queryParamsHandling: 'merge' });
  }

  protected openFilters(): void {
    const catalog = this.catalog();
    if (!catalog) return;
    const data: CalendarFiltersSheetData = { catalog, filters: this.filters, change: (filters) => this.filter(filters) };
    this.bottomSheet.open(CalendarFiltersSheetComponent, { data, injector: this.injector });
  }

  protected showView(view: CalendarView): void {
    void this.router.navigate([], { relativeTo: this.route, queryParams: { [CALENDAR_VIEW_PARAM]: view }, queryParamsHandling: 'merge' });
  }

  protected step(direction: 'prev' | 'next' | 'today'): void {
    this.fullCalendar()?.getApi()[direction]();
  }

  protected async planNewPost(plannedAt: string | null): Promise<void> {
    const catalog = this.catalog();
    if (!catalog || !this.canEdit()) return;
    this.afterComposer(await this.composer.open({ catalog, plannedAt }, this.injector));
  }

  private async editPost(postId: string): Promise<void> {
    const catalog = this.catalog();
    if (catalog) this.afterComposer(await this.composer.open({ catalog, postId }, this.injector));
  }

  private afterComposer(result: ComposerResult | null): void {
    if (!result) return;
    if (result.kind === 'deleted') {
      this.entries.update((entries) => entries.filter((entry) => entry.id !== result.postId));
      this.notifier.announce('planning.calendar.deleted');
    } else {
      this.notifier.announce(result.kind === 'submitted' ? 'planning.calendar.submitted' : 'planning.calendar.saved', {
        title: result.post.title,
      });
    }
    this.reload();
  }

  private readonly datesShown = (info: DatesSetInfo): void => {
    const catalog = this.catalog();
    if (!catalog) return;
    const view = calendarViewOf(info.view.type);
    this.range.set({ from: info.start.toISOString(), to: info.end.toISOString(), view });
    this.title.set(info.view.title);
    const date = localDateOf(info.view.calendar.getDate(), catalog.timeZone);
    const state = this.urlState();
    if (view === state.view && date === state.date) return;
    // The first visit only fills in the URL; every later step is one the back button can undo.
    const params = this.queryParams();
    const replaceUrl = !params.has(CALENDAR_VIEW_PARAM) || !params.has(CALENDAR_DATE_PARAM);
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams: { [CALENDAR_VIEW_PARAM]: view, [CALENDAR_DATE_PARAM]: date },
      queryParamsHandling: 'merge',
      replaceUrl,
    });
  };

  private readonly postClicked = (info: EventClickInfo): void => {
    info.jsEvent.preventDefault();
    void this.editPost(info.event.id);
  };

  private readonly slotClicked = (info: DateClickInfo): void => {
    const catalog = this.catalog();
    if (!catalog || !this.canEdit()) return;
    // A day without a time (the month view) gets the usual planning time, in the organisation's zone.
    const plannedAt = info.allDay
      ? dayAtTime(localDateOf(info.date, catalog.timeZone), DEFAULT_PLANNING_TIME, catalog.timeZone)
      : info.date.toISOString();
    void this.planNewPost(plannedAt);
  };

  private readonly postDropped = (info: EventDropInfo): void => {
    const catalog = this.catalog();
    if (!catalog) {
      info.revert();
      return;
    }
    void this.mover.move(catalog, info).then((post) => {
      if (!post) return;
      this.entries.update((entries) => withPlannedAt(entries, post));
      this.reload();
    });
  };

  private reload(): void {
    const catalog = this.catalog();
    const range = this.range();
    if (catalog && range) this.load(catalog.organizationId, range, this.filters());
  }

  /** The posts and, behind them, the channels' warnings and (in the week view) staffed hours. */
  private load(organizationId: OrganizationId, range: VisibleRange, filters: CalendarFilters): void {
    void this.loadEntries(organizationId, range, filters);
    const staffed = range.view === 'week';
    void this.overlays.load(organizationId, { from: range.from, to: range.to, channelIds: filters.channelIds, staffed });
  }

  private async loadCatalog(organizationId: OrganizationId | null): Promise<void> {
    if (!organizationId) return;
    this.loading.set(true);
    try {
      const [catalog] = await Promise.all([this.catalogApi.load(organizationId), this.stylesheet.ensureLoaded()]);
      this.initial = this.urlState();
      this.catalog.set(catalog);
    } catch (error) {
      this.notifier.report(describeApiError(error));
    } finally {
      this.loading.set(false);
    }
  }

  private async loadEntries(organizationId: OrganizationId, range: VisibleRange, filters: CalendarFilters): Promise<void> {
    const sequence = ++this.loadSequence;
    this.loading.set(true);
    try {
      const entries = await this.calendarApi.entries(organizationId, { from: range.from, to: range.to, ...filters });
      if (sequence === this.loadSequence) this.entries.set(entries);
    } catch (error) {
      if (sequence === this.loadSequence) this.notifier.report(describeApiError(error));
    } finally {
      if (sequence === this.loadSequence) this.loading.set(false);
    }
  }
}
