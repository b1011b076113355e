import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';

import { SESSION_COOKIE } from '../auth/session.service';

/** OpenAPI docs at /api/docs (UI) and /api/docs-json (the document). */
export function setupOpenApi(app: INestApplication): void {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Kadens API')
      .setDescription(
        'Content calendar and publishing scheduler. Log in with POST /api/auth/login; the session travels in the ' +
          `httpOnly cookie ${SESSION_COOKIE}. Errors share one shape: {statusCode, error, message, code?, errors?: [{field, messages}]}.`,
      )
      .setVersion('0.1')
      .addCookieAuth(SESSION_COOKIE)
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json', useGlobalPrefix: false });
}
