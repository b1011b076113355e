import 'reflect-metadata';

import { type AppConfig, ConfigError, configureHttpApp, loadAppConfigFromEnvironment, setupOpenApi } from '@kadens/api/core';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';

import { AppModule } from './app.module';
import { mountQueues } from './queues';

/**
 * One binary, several roles: APP_ROLES picks what this process runs. `api` serves HTTP (and the web
 * app); `worker` and `scheduler` run without a listener and gain their jobs with the publishing module.
 */
async function bootstrap(config: AppConfig): Promise<void> {
  if (config.roles.includes('api')) {
    const app = await NestFactory.create(AppModule.forRoot(config), { bodyParser: false, bufferLogs: true });
    app.useLogger(app.get(Logger));
    configureHttpApp(app, config);
    mountQueues(app);
    setupOpenApi(app);
    await app.listen(config.port, config.host);
    app.get(Logger).log(`Kadens (${config.roles.join(', ')}) listens on http://localhost:${config.port} — API docs at /api/docs`);
  } else {
    const app = await NestFactory.createApplicationContext(AppModule.forRoot(config), { bufferLogs: true });
    app.useLogger(app.get(Logger));
    app.enableShutdownHooks();
    await app.init();
    app.get(Logger).log(`Kadens (${config.roles.join(', ')}) started without HTTP`);
  }
}

let config: AppConfig;
try {
  config = loadAppConfigFromEnvironment();
} catch (error) {
  // A config error is the operator's to fix: say what is wrong, without a stack trace.
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
}
bootstrap(config).catch((error: unknown) => {
  console.error('Kadens failed to start:', error);
  process.exit(1);
});
