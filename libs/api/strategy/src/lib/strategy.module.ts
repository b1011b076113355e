import { OrganizationsModule } from '@kadens/api/organizations';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';

import { Audience } from './audiences/audience.entity';
import { AudiencesController } from './audiences/audiences.controller';
import { AudiencesService } from './audiences/audiences.service';
import { Channel } from './channels/channel.entity';
import { ChannelsController } from './channels/channels.controller';
import { ChannelsService } from './channels/channels.service';
import { EffectResultsController } from './effect-results/effect-results.controller';
import { EffectResultsService } from './effect-results/effect-results.service';
import { Initiative } from './initiatives/initiative.entity';
import { InitiativesController } from './initiatives/initiatives.controller';
import { InitiativesService } from './initiatives/initiatives.service';
import { Theme } from './themes/theme.entity';
import { ThemesController } from './themes/themes.controller';
import { ThemesService } from './themes/themes.service';
import { WorkloadController } from './workload/workload.controller';
import { WorkloadService } from './workload/workload.service';

/** Themes, audiences, channels and initiatives: the strategy that posts are planned against. */
@Module({
  imports: [TypeOrmModule.forFeature([Theme, Audience, Channel, Initiative]), OrganizationsModule],
  controllers: [
    ThemesController,
    AudiencesController,
    EffectResultsController,
    ChannelsController,
    InitiativesController,
    WorkloadController,
  ],
  providers: [ThemesService, AudiencesService, EffectResultsService, ChannelsService, InitiativesService, WorkloadService],
})
export class StrategyModule {}
