import { RequirePermission } from '@kadens/api/organizations';
import { Controller, type MessageEvent, Param, Sse } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Observable } from 'rxjs';

import { PublishingEventsService } from './publishing-events.service';

@ApiTags('publishing')
@Controller('organizations/:organizationId/publishing')
export class PublishingEventsController {
  constructor(private readonly events: PublishingEventsService) {}

  /**
   * Live delivery and pause changes as server-sent events (`text/event-stream`): each message's data is
   * a `PublishingEvent` as JSON (`{type: 'target', delivery}` or `{type: 'pause', status}`); comment lines
   * say when the stream is listening and keep it alive. The stream ends when the server loses its
   * database notifications; reconnect (EventSource does) and reload what the page shows.
   */
  @Sse('events')
  @RequirePermission('posts.read')
  @ApiProduces('text/event-stream')
  @ApiOkResponse({ description: 'An endless stream of server-sent events, for this organisation only.' })
  stream(@Param('organizationId') organizationId: string): Observable<MessageEvent> {
    return this.events.stream(organizationId);
  }
}
