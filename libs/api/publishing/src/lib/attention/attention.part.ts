import type { PublishingPart } from '../part';
import { AttentionActionsService } from './attention-actions.service';
import { AttentionController } from './attention.controller';
import { DeliveriesService } from './deliveries.service';

export const attentionPart: PublishingPart = { controllers: [AttentionController], providers: [AttentionActionsService, DeliveriesService] };
