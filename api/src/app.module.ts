import { ApprovalsModule } from '@kadens/api/approvals';
import { ConnectModule } from '@kadens/api/connect';
import { type AppConfig, CoreModule } from '@kadens/api/core';
import { EvaluationModule } from '@kadens/api/evaluation';
import { ExchangeModule } from '@kadens/api/exchange';
import { MediaModule } from '@kadens/api/media';
import { NotificationsModule } from '@kadens/api/notifications';
import { OrganizationsModule } from '@kadens/api/organizations';
import { PostsModule } from '@kadens/api/posts';
import { PromisesModule } from '@kadens/api/promises';
import { PublicModule } from '@kadens/api/public';
import { PublishingModule } from '@kadens/api/publishing';
import { ResultsModule } from '@kadens/api/results';
import { ReportsModule } from '@kadens/api/reports';
import { StrategyModule } from '@kadens/api/strategy';
import { type DynamicModule, Module } from '@nestjs/common';

/** Every domain module of Kadens (the integration tests boot them all on CoreModule, as main.ts does). */
export const DOMAIN_MODULES = [
  OrganizationsModule,
  StrategyModule,
  PromisesModule,
  MediaModule,
  PostsModule,
  PublicModule,
  NotificationsModule,
  ApprovalsModule,
  PublishingModule,
  ConnectModule,
  ExchangeModule,
  ResultsModule,
  ReportsModule,
  EvaluationModule,
];

/** The composition root: which domain modules make up Kadens. No business code lives here. */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return { module: AppModule, imports: [CoreModule.forRoot(config), ...DOMAIN_MODULES] };
  }
}
