import { publicPromisesKept } from '@kadens/api/evaluation';
import { loadChannelPromises } from '@kadens/api/promises';
import { ChannelsReader, type PublicChannelRow } from '@kadens/api/strategy';
import type { ChannelPromisesView, Locale, PublicAvailability, PublicChannel, PublicServiceHours } from '@kadens/shared/contracts';
import { closesOnPublicHolidays, normalizeOpeningHours, publicHolidays, ServiceCalendar, toLocalDateTime } from '@kadens/shared/rules';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

import { availabilityIcal, feedWindow } from './availability-ical';
import { availabilityJsonLd } from './availability-json-ld';
import { findPublicOrganization, type PublicOrganization } from './public-organization';
import { ordinaryWeek } from './weekly-hours';

const DAY_MS = 86_400_000;

type ActiveChannel = PublicChannelRow;

export interface ChannelWithPromises {
  channel: ActiveChannel;
  promises: ChannelPromisesView;
}

/** What the public sees: active channels and their promises — never posts, plans, members or credentials. */
@Injectable()
export class AvailabilityService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async channels(slug: string): Promise<{ organization: PublicOrganization; channels: ChannelWithPromises[] }> {
    const organization = await findPublicOrganization(this.db.manager, slug);
    const rows: ActiveChannel[] = await new ChannelsReader(this.db.manager).activeForPublic(organization.id);
    const promises = new Map(
      (
        await loadChannelPromises(
          this.db.manager,
          organization.id,
          rows.map((row) => row.id),
        )
      ).map((p) => [p.channelId, p]),
    );
    return {
      organization,
      channels: rows.map((channel) => ({
        channel,
        promises: promises.get(channel.id) ?? { channelId: channel.id, cadence: null, serviceHours: null },
      })),
    };
  }

  /**
   * The iCalendar feed of staffed periods not yet over, `days` ahead. The window moves once a day (see
   * feedWindow), so repeated fetches give the same DTSTART and UID for the same period.
   */
  async icalFeed(slug: string, lang: Locale | undefined, days: number, nowMs = Date.now()): Promise<{ slug: string; body: string }> {
    const { organization, channels } = await this.channels(slug);
    const { fromMs, untilMs } = feedWindow(nowMs, days);
    const periods = channels.flatMap(({ promises }) =>
      promises.serviceHours
        ? new ServiceCalendar(promises.serviceHours, organization)
            .staffedRangesMs(fromMs, untilMs)
            .filter(([, end]) => end > nowMs)
            .map(([start, end]) => ({
              channelId: promises.channelId,
              start: new Date(start).toISOString(),
              end: new Date(end).toISOString(),
            }))
        : [],
    );
    const body = availabilityIcal({
      organizationName: organization.name,
      slug: organization.slug,
      timeZone: organization.timeZone,
      locale: lang ?? organization.defaultLocale,
      channelNames: new Map(channels.map(({ channel }) => [channel.id, channel.name])),
      periods,
      now: new Date(nowMs),
    });
    return { slug: organization.slug, body };
  }

  async availability(slug: string, nowMs = Date.now()): Promise<PublicAvailability> {
    const { organization, channels } = await this.channels(slug);
    const publicChannels = channels.map(({ channel, promises }): PublicChannel => ({
      id: channel.id,
      platform: channel.platform,
      name: channel.name,
      handle: channel.handle,
      description: channel.public_description,
      cadenceDescription: promises.cadence?.publicDescription || null,
      serviceHours: promises.serviceHours ? this.serviceHours(promises, organization, nowMs) : null,
    }));
    const { id: _id, ...visible } = organization;
    // Only when the organisation chose to show it (evaluation settings).
    const promisesKept = await publicPromisesKept(
      this.db.manager,
      organization,
      publicChannels.map((channel) => channel.id),
      nowMs,
    );
    return {
      organization: visible,
      generatedAt: new Date(nowMs).toISOString(),
      channels: publicChannels,
      jsonLd: availabilityJsonLd(visible, publicChannels),
      ...(promisesKept ? { promisesKept } : {}),
    };
  }

  private serviceHours(promises: ChannelPromisesView, organization: PublicOrganization, nowMs: number): PublicServiceHours {
    const hours = promises.serviceHours as NonNullable<ChannelPromisesView['serviceHours']>;
    const zone = organization.timeZone;
    const calendar = new ServiceCalendar(hours, { timeZone: zone, country: organization.country });
    const openNow = calendar.isStaffedAt(nowMs);
    const today = toLocalDateTime(nowMs, zone).date;
    const in30 = toLocalDateTime(nowMs + 30 * DAY_MS, zone).date;
    const in60 = toLocalDateTime(nowMs + 60 * DAY_MS, zone).date;
    const closesOnHolidays = closesOnPublicHolidays(hours.openingHours);
    return {
      openingHours: normalizeOpeningHours(hours.openingHours, organization.country),
      weeklyHours: ordinaryWeek(calendar, nowMs, zone, organization.country, hours.closedPeriods),
      closesOnPublicHolidays: closesOnHolidays,
      responseWindowMinutes: hours.responseWindowMinutes,
      openNow,
      nextChange: openNow ? calendar.staffedUntil(nowMs, 30) : calendar.nextOpening(nowMs, 30),
      upcomingHolidays: closesOnHolidays ? publicHolidays(organization.country, today, in30).map(({ date, name }) => ({ date, name })) : [],
      upcomingClosures: hours.closedPeriods.filter((period) => period.end >= today && period.start <= in60),
    };
  }
}
