import { Public } from '@kadens/api/core';
import { isLocale, type Locale, type PublicAvailability } from '@kadens/shared/contracts';
import { ServiceCalendar } from '@kadens/shared/rules';
import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';

import { availabilityIcal } from './availability-ical';
import { AvailabilityService } from './availability.service';
import { IcalQueryDto } from './ical-query.dto';

const CACHE = 'public, max-age=300';
const FEED_DAYS = 56;

@ApiTags('public')
@Public()
@Controller('public/:slug')
export class PublicController {
  constructor(private readonly availability: AvailabilityService) {}

  /** The organisation's active channels: service hours, open now, coming holidays and closures, response promise, cadence. No login. */
  @Get('availability')
  @ApiOkResponse({ description: 'PublicAvailability, with schema.org JSON-LD in `jsonLd`.' })
  @ApiNotFoundResponse({ description: 'No organisation has that slug.' })
  async get(@Param('slug') slug: string, @Res({ passthrough: true }) response: Response): Promise<PublicAvailability> {
    response.setHeader('Cache-Control', CACHE);
    return this.availability.availability(slug);
  }

  /** An iCalendar feed (RFC 5545) of the staffed periods in the next 8 weeks. `lang` picks the words (nb, da, sv, en). */
  @Get('availability.ics')
  @ApiProduces('text/calendar')
  @ApiNotFoundResponse({ description: 'No organisation has that slug.' })
  async ical(@Param('slug') slug: string, @Query() query: IcalQueryDto, @Res() response: Response): Promise<void> {
    const { organization, channels } = await this.availability.channels(slug);
    const now = new Date();
    const until = new Date(now.getTime() + FEED_DAYS * 86_400_000);
    const periods = channels.flatMap(({ promises }) =>
      promises.serviceHours
        ? new ServiceCalendar(promises.serviceHours, organization)
            .staffedIntervals(now.toISOString(), until.toISOString())
            .map((interval) => ({ channelId: promises.channelId, start: interval.start, end: interval.end }))
        : [],
    );
    const locale: Locale = query.lang && isLocale(query.lang) ? query.lang : organization.defaultLocale;
    const body = availabilityIcal({
      organizationName: organization.name,
      slug: organization.slug,
      timeZone: organization.timeZone,
      locale,
      channelNames: new Map(channels.map(({ channel }) => [channel.id, channel.name])),
      periods,
      now,
    });
    response.status(200).setHeader('Cache-Control', CACHE);
    response.type('text/calendar; charset=utf-8').setHeader('Content-Disposition', `inline; filename="${organization.slug}-availability.ics"`);
    response.end(body);
  }
}
