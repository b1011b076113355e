import { type AuthUser, CurrentUser, Public } from '@kadens/api/core';
import type { CalendarFeedCreated, CalendarFeedView } from '@kadens/shared/contracts';
import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  HttpStatus,
  NotFoundException,
  Param,
  ParseUUIDPipe,
  Post,
  Res,
  UseGuards,
} from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiGoneResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiProduces,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import type { Response } from 'express';

import { CreateCalendarFeedDto } from './calendar-feed.dto';
import { CalendarFeedsService } from './calendar-feeds.service';
import { FeedThrottlerGuard } from './feed-throttler.guard';

/** A token is 43 base64url characters; anything else is not one of ours. */
const FEED_FILE = /^([A-Za-z0-9_-]{43})\.ics$/;

@ApiTags('calendar feeds')
@Controller('me/calendar-feeds')
export class MyCalendarFeedsController {
  constructor(private readonly feeds: CalendarFeedsService) {}

  /** A private iCal URL of an organisation's plan (optionally only some channels or themes). The URL is shown only now. */
  @Post()
  @ApiCreatedResponse({ description: 'CalendarFeedCreated with `url`.' })
  @ApiNotFoundResponse({ description: 'Not a member of the organisation.' })
  create(@CurrentUser() user: AuthUser, @Body() body: CreateCalendarFeedDto): Promise<CalendarFeedCreated> {
    return this.feeds.create(user, body);
  }

  /** The caller's feeds that still work (without their URLs: only a hash is stored). */
  @Get()
  @ApiOkResponse({ description: 'CalendarFeedView[]' })
  list(@CurrentUser() user: AuthUser): Promise<CalendarFeedView[]> {
    return this.feeds.list(user);
  }

  /** A new URL for the feed; the old one stops working. */
  @Post(':id/regenerate')
  @ApiCreatedResponse({ description: 'CalendarFeedCreated with the new `url`.' })
  regenerate(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<CalendarFeedCreated> {
    return this.feeds.regenerate(user, id);
  }

  /** Revokes the feed: its URL answers 410 from now on. */
  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse()
  revoke(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    return this.feeds.revoke(user, id);
  }
}

@ApiTags('calendar feeds')
@Public()
@Controller('calendar-feeds')
export class CalendarFeedController {
  constructor(private readonly feeds: CalendarFeedsService) {}

  /** The plan as iCalendar (RFC 5545), no login: the URL's token is the key. Rate limited per address. */
  @Get(':file')
  @UseGuards(FeedThrottlerGuard)
  @ApiProduces('text/calendar')
  @ApiNotFoundResponse({ description: 'No feed has that token.' })
  @ApiGoneResponse({ description: 'Revoked, or its person is no longer a member.' })
  @ApiTooManyRequestsResponse({ description: 'Too many fetches from this address (Retry-After).' })
  async ics(@Param('file') file: string, @Res() response: Response): Promise<void> {
    const token = FEED_FILE.exec(file)?.[1];
    if (!token) throw new NotFoundException({ message: 'Calendar feed not found', code: 'calendar_feed_not_found' });
    const body = await this.feeds.ics(token);
    response
      .status(200)
      .type('text/calendar; charset=utf-8')
      .setHeader('Cache-Control', 'private, max-age=300')
      .setHeader('Content-Disposition', 'inline; filename="kadens-plan.ics"')
      .setHeader('Referrer-Policy', 'no-referrer')
      .end(body);
  }
}
