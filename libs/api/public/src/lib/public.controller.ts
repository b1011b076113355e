import { Public } from '@kadens/api/core';
import { isLocale, type Locale, type PublicAvailability } from '@kadens/shared/contracts';
import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';

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
    const lang: Locale | undefined = query.lang && isLocale(query.lang) ? query.lang : undefined;
    const { slug: knownSlug, body } = await this.availability.icalFeed(slug, lang, FEED_DAYS);
    response.status(200).setHeader('Cache-Control', CACHE);
    response.type('text/calendar; charset=utf-8').setHeader('Content-Disposition', `inline; filename="${knownSlug}-availability.ics"`);
    response.end(body);
  }
}
