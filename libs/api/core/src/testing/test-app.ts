import type { INestApplication, ModuleMetadata } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import { DataSource } from 'typeorm';
import { UPLOAD_HEADER } from '@kadens/shared/contracts';

import { loadAppConfig } from '../lib/config/app-config';
import { CoreModule } from '../lib/core.module';
import { configureHttpApp } from '../lib/http/configure-http-app';
import { createTestDatabase, type TestDatabase } from './test-database';

export interface TestApp {
  app: INestApplication;
  db: DataSource;
  database: TestDatabase;
  /** A client without a session. */
  anonymous(): TestAgent;
  /** A client that logged in and keeps its cookie. */
  loginAs(email: string, password: string): Promise<TestAgent>;
  close(): Promise<void>;
}

/**
 * Boots CoreModule plus the given modules against a new database on the real test server, wired exactly
 * as main.ts wires the production app (same pipes, filters, body limits, prefix).
 */
export async function createTestApp(
  imports: ModuleMetadata['imports'] = [],
  env: Record<string, string> = {},
  /** What main.ts adds between configuring and starting the app (e.g. the queue dashboard). */
  beforeInit?: (app: INestApplication) => void,
): Promise<TestApp> {
  const database = await createTestDatabase();
  // The fake platforms and receivers listen on 127.0.0.1, which the outbound guard refuses unless allowed;
  // a test of the guard itself passes OUTBOUND_ALLOW_HOSTS: ''.
  const config = loadAppConfig(
    { LOG_LEVEL: 'silent', WEB_DIST: '', OUTBOUND_ALLOW_HOSTS: '127.0.0.1', ...env, DATABASE_URL: database.url },
    process.cwd(),
  );
  const moduleRef = await Test.createTestingModule({ imports: [CoreModule.forRoot(config), ...(imports ?? [])] }).compile();
  const app = moduleRef.createNestApplication({ bodyParser: false, logger: false });
  configureHttpApp(app, config);
  beforeInit?.(app);
  await app.init();
  const server = app.getHttpServer();
  return {
    app,
    db: app.get(DataSource),
    database,
    anonymous: () => request.agent(server),
    async loginAs(email, password) {
      // Every request of a logged-in test agent carries the upload header the web's upload clients send
      // (a test of the cross-site guard removes it with `.unset(UPLOAD_HEADER)`).
      const agent = request.agent(server).set(UPLOAD_HEADER, '1');
      const response = await agent.post('/api/auth/login').send({ email, password });
      if (response.status !== 200) throw new Error(`login as ${email} failed: ${response.status} ${JSON.stringify(response.body)}`);
      return agent;
    },
    async close() {
      await app.close();
      await database.drop();
    },
  };
}
