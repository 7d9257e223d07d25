import { ArgumentsHost, Catch, ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import { toErrorBody } from './error-mapping';
import type { Logger } from './logger';

/** The one global filter: every error leaves the API as the one error body. */
@Catch()
export class ErrorFilter implements ExceptionFilter {
  constructor(private readonly logger: Logger) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request & { correlationId?: string }>();
    const response = http.getResponse<Response>();
    sendError(this.logger, exception, request, response);
  }
}

export function sendError(
  logger: Logger,
  exception: unknown,
  request: Request & { correlationId?: string },
  response: Response,
): void {
  const { body, internal } = toErrorBody(exception, request.correlationId ?? null);
  if (internal) {
    logger.error(
      { err: exception, correlationId: body.correlationId, path: request.path },
      'unhandled error',
    );
  }
  if (response.headersSent) return;
  response.status(body.statusCode).json(body);
}
