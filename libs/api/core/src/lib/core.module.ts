import { type DynamicModule, Module, RequestMethod } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { ServeStaticModule } from '@nestjs/serve-static';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';

import { AccountController } from './auth/account.controller';
import { AccountSecurityService } from './auth/account-security.service';
import { AttemptLimiter } from './auth/attempt-limiter';
import { AuthController } from './auth/auth.controller';
import { PasswordHasher } from './auth/password-hasher';
import { PasswordResetService } from './auth/password-reset.service';
import { Session } from './auth/session.entity';
import { SessionGuard } from './auth/session.guard';
import { SessionService } from './auth/session.service';
import { User } from './auth/user.entity';
import { UsersService } from './auth/users.service';
import type { AppConfig } from './config/app-config';
import { APP_CONFIG } from './config/app-config.token';
import { dataSourceOptions } from './database/data-source-options';
import { runMigrations } from './database/run-migrations';
import { HealthController } from './health/health.controller';
import { HealthService } from './health/health.service';
import { HeartbeatService } from './health/heartbeat.service';
import { ApiExceptionFilter } from './http/api-exception.filter';
import { redactRequestSecrets } from './http/log-redaction';
import { setWebCacheHeaders } from './http/static-cache';
import { createValidationPipe } from './http/validation';
import { AccountMailer } from './mail/account-mailer';
import { MetricsModule } from './metrics/metrics.module';

/**
 * Config, logging, database, sessions, validation and errors: what every Kadens process needs. Global
 * so domain modules can inject the config and the users service without re-importing a configured module.
 */
@Module({})
export class CoreModule {
  static forRoot(config: AppConfig): DynamicModule {
    const serveWeb = config.webDist !== null && existsSync(join(config.webDist, 'index.html'));
    return {
      module: CoreModule,
      global: true,
      imports: [
        MetricsModule,
        LoggerModule.forRoot({
          forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
          pinoHttp: {
            level: config.logLevel,
            redact: ['req.headers.cookie', 'res.headers["set-cookie"]'],
            serializers: { req: redactRequestSecrets },
            autoLogging: { ignore: (request) => request.url?.startsWith('/api/health') === true },
          },
        }),
        TypeOrmModule.forRootAsync({
          useFactory: () => ({ ...dataSourceOptions(config.database.url, config.database.poolSize), autoLoadEntities: true }),
          dataSourceFactory: async (options) => {
            if (!options) throw new Error('TypeORM options missing');
            const dataSource = await new DataSource(options).initialize();
            if (config.database.migrate) await runMigrations(dataSource);
            return dataSource;
          },
        }),
        TypeOrmModule.forFeature([User, Session]),
        ...(serveWeb && config.webDist
          ? [
              ServeStaticModule.forRoot({
                rootPath: config.webDist,
                exclude: ['/api/{*path}'],
                serveStaticOptions: { index: 'index.html', setHeaders: setWebCacheHeaders },
              }),
            ]
          : []),
      ],
      controllers: [HealthController, AuthController, AccountController],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        PasswordHasher,
        SessionService,
        UsersService,
        HealthService,
        HeartbeatService,
        AccountMailer,
        AttemptLimiter,
        AccountSecurityService,
        PasswordResetService,
        { provide: APP_GUARD, useClass: SessionGuard },
        { provide: APP_PIPE, useFactory: createValidationPipe },
        { provide: APP_FILTER, useClass: ApiExceptionFilter },
      ],
      exports: [AttemptLimiter, APP_CONFIG, UsersService, PasswordHasher, SessionService, AccountMailer, MetricsModule],
    };
  }
}
