import type { ApiErrorBody } from '@kadens/shared/contracts';
import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Response } from 'express';

const REASONS: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Payload Too Large',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** Gives every error the one `ApiErrorBody` shape; anything unexpected is logged and answered as a plain 500. */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('ApiExceptionFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const body = this.toBody(exception);
    if (body.statusCode >= 500) this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    if (!response.headersSent) response.status(body.statusCode).json(body);
  }

  private toBody(exception: unknown): ApiErrorBody {
    if (!(exception instanceof HttpException)) {
      return {
        statusCode: 500,
        error: REASONS[500] ?? 'Error',
        message: 'Something went wrong on our side. Try again; if it persists, tell your administrator.',
      };
    }
    const statusCode = exception.getStatus();
    const raw = exception.getResponse();
    const error = REASONS[statusCode] ?? HttpStatus[statusCode] ?? 'Error';
    if (typeof raw === 'string') return { statusCode, error, message: raw };
    const { message, code, errors, violations } = raw as {
      message?: unknown;
      code?: unknown;
      errors?: ApiErrorBody['errors'];
      violations?: ApiErrorBody['violations'];
    };
    return {
      statusCode,
      error,
      message: Array.isArray(message) ? message.join('; ') : typeof message === 'string' ? message : exception.message,
      ...(typeof code === 'string' ? { code } : {}),
      ...(errors ? { errors } : {}),
      ...(violations ? { violations } : {}),
    };
  }
}
