import { inject, Injectable, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import type { EventInput } from '@fullcalendar/angular';
import { TranslocoService } from '@jsverse/transloco';
import type { ChannelView, OrganizationId, StaffedPeriod, Violation } from '@kadens/shared/contracts';
import { PlanPromisesApi, PublishingApi, ViolationsApi } from '@kadens/web/data-access';
import { connectionDeadline } from '@kadens/shared/rules';
import { filter, map, merge } from 'rxjs';

import {
  staffedPeriodEvents,
  untitledWarningBandEvents,
  warningBandEvents,
  type WeekNotice,
  weekNotices,
} from '../calendar-events/calendar-bands';

interface OverlayQuery {
  from: string;
  to: string;
  /** The channels filtered on; all when empty. */
  channelIds: readonly string[];
  /** Staffed hours are shaded in the week view only. */
  staffed: boolean;
}

/**
 * What the calendar shades behind the posts: the channels' warnings (thin weeks, silences) and, in the
 * week view, their staffed hours. Provided by the calendar page; the latest range asked for wins.
 */
@Injectable()
export class CalendarOverlays {
  private readonly violationsApi = inject(ViolationsApi);
  private readonly promisesApi = inject(PlanPromisesApi);
  private readonly transloco = inject(TranslocoService);
  private readonly publishingApi = inject(PublishingApi);
  private sequence = 0;
  private deadlinesOf: OrganizationId | null = null;

  /** Per channel, when its connection stops working unless someone reconnects it (`connectionDeadline`). */
  readonly deadlines = signal<ReadonlyMap<string, number>>(new Map());

  readonly violations = signal<Violation[]>([]);
  readonly staffedPeriods = signal<StaffedPeriod[]>([]);
  /** Changes whenever texts arrive or the language changes, so the bands' titles follow. */
  private readonly translations = toSignal(
    merge(this.transloco.langChanges$, this.transloco.events$.pipe(filter((event) => event.type === 'translationLoadSuccess'))).pipe(
      map(() => ({})),
    ),
    { initialValue: {} },
  );

  /**
   * The background events to draw; reactive, for use inside a computed. The week view draws an all-day
   * band in every day's column, so there the warnings' texts go to `weekNotices` instead.
   */
  bandEvents(channels: readonly ChannelView[], timeZone: string, week = false): EventInput[] {
    const translate = this.translator();
    const format = new Intl.DateTimeFormat(this.transloco.getActiveLang(), {
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZone,
    });
    return [
      ...(week ? untitledWarningBandEvents : warningBandEvents)(this.violations(), channels, translate),
      ...staffedPeriodEvents(this.staffedPeriods(), channels, translate, (instant) => format.format(new Date(instant))),
    ];
  }

  /** The warnings touching the civil days `from` (inclusive) to `to` (exclusive), each once. */
  weekNotices(channels: readonly ChannelView[], from: string, to: string): WeekNotice[] {
    return weekNotices(this.violations(), channels, this.translator(), from, to);
  }

  private translator(): (key: string, params: Record<string, unknown>) => string {
    this.translations();
    return (key, params) => this.transloco.translate(key, params);
  }

  async load(organizationId: OrganizationId, query: OverlayQuery): Promise<void> {
    if (this.deadlinesOf !== organizationId) void this.loadDeadlines(organizationId);
    const sequence = ++this.sequence;
    const range = { from: query.from, to: query.to, channelIds: query.channelIds };
    // The shading helps but is not the plan: if it cannot be had, the posts are still shown (and the
    // posts' own request reports what went wrong), so a failure here leaves the calendar unshaded.
    const [violations, staffedPeriods] = await Promise.all([
      this.violationsApi.list(organizationId, range).catch((): Violation[] => []),
      query.staffed ? this.promisesApi.staffedPeriods(organizationId, range).catch((): StaffedPeriod[] => []) : [],
    ]);
    if (sequence !== this.sequence) return;
    this.violations.set(violations.filter((violation) => violation.severity === 'warn'));
    this.staffedPeriods.set(staffedPeriods);
  }

  /** Once per organisation: the connections' deadlines, for the posts planned after them ("at risk"). */
  private async loadDeadlines(organizationId: OrganizationId): Promise<void> {
    this.deadlinesOf = organizationId;
    const connections = await this.publishingApi.channelConnections(organizationId).catch(() => []);
    if (this.deadlinesOf !== organizationId) return;
    const deadlines = new Map<string, number>();
    for (const connection of connections) {
      const deadline = connectionDeadline(connection);
      if (deadline !== null) deadlines.set(connection.channelId, deadline);
    }
    this.deadlines.set(deadlines);
  }
}
