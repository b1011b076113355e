import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';

import { SESSION_COOKIE } from '../auth/session.service';

/** The OpenAPI document of every controller in the app. */
export function createOpenApiDocument(app: INestApplication): OpenAPIObject {
  return SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Kadens API')
      .setDescription(
        'Content calendar and publishing scheduler. Log in with POST /api/auth/login; the session travels in the ' +
          `httpOnly cookie ${SESSION_COOKIE}. Errors share one shape: {statusCode, error, message, code?, errors?: [{field, messages}]}. ` +
          'Changes (POST, PUT, PATCH, DELETE) take only application/json bodies (the CSV import also text/csv or multipart), and from a browser only same-origin requests.',
      )
      .setVersion('0.1')
      .addCookieAuth(SESSION_COOKIE)
      .build(),
  );
}

/** OpenAPI docs at /api/docs (UI) and /api/docs-json (the document). */
export function setupOpenApi(app: INestApplication): void {
  SwaggerModule.setup('api/docs', app, createOpenApiDocument(app), { jsonDocumentUrl: 'api/docs-json', useGlobalPrefix: false });
}
