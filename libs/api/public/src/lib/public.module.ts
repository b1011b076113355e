import { Module } from '@nestjs/common';

import { AvailabilityService } from './availability.service';
import { PublicController } from './public.controller';

@Module({ controllers: [PublicController], providers: [AvailabilityService] })
export class PublicModule {}
