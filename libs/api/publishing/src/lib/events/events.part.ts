import type { PublishingPart } from '../part';
import { PublishingEventsController } from './publishing-events.controller';
import { PublishingEventsService } from './publishing-events.service';
import { PublishingListener } from './publishing-listener';

export const eventsPart: PublishingPart = { controllers: [PublishingEventsController], providers: [PublishingListener, PublishingEventsService] };
