import type { PublishingPart } from '../part';
import { CrisisController } from './crisis.controller';
import { CrisisService } from './crisis.service';

export const crisisPart: PublishingPart = { controllers: [CrisisController], providers: [CrisisService] };
