import { HttpException } from '@nestjs/common';
import { DomainError } from './domain-error';
import { ErrorBody } from './error-body';

const HTTP_CODES: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'TOO_MANY_REQUESTS',
};

interface PgError {
  code?: string;
  constraint?: string;
  driverError?: { code?: string; constraint?: string };
}

/**
 * Maps any thrown value to the one error body. `internal` is true when the error is not one a
 * client can cause (logged with the correlation id, answered with a generic message).
 */
export function toErrorBody(
  err: unknown,
  correlationId: string | null,
): { body: ErrorBody; internal: boolean } {
  const body = (statusCode: number, code: string, message: string, details: unknown = null) => ({
    body: { statusCode, code, message, correlationId, details },
    internal: false,
  });

  if (err instanceof DomainError) return body(err.statusCode, err.code, err.message, err.details ?? null);

  if (err instanceof HttpException) {
    const status = err.getStatus();
    if (status === 404) return body(404, 'ROUTE_NOT_FOUND', 'Sidan eller resursen finns inte.');
    if (status < 500) {
      const response = err.getResponse();
      const message =
        typeof response === 'object' && response !== null && 'message' in response
          ? String(response.message)
          : err.message;
      return body(status, HTTP_CODES[status] ?? 'HTTP_ERROR', message);
    }
  }

  // body-parser errors (malformed JSON, oversized body, wrong charset) carry `type` and `status`.
  const parserError = err as { type?: string; status?: number; expose?: boolean };
  if (
    typeof parserError?.type === 'string' &&
    typeof parserError.status === 'number' &&
    parserError.status < 500
  ) {
    if (parserError.type === 'entity.too.large') {
      return body(413, 'PAYLOAD_TOO_LARGE', 'Förfrågan är för stor.');
    }
    if (parserError.type === 'entity.parse.failed') {
      return body(400, 'MALFORMED_JSON', 'Förfrågan innehåller ogiltig JSON.');
    }
    return body(
      parserError.status,
      HTTP_CODES[parserError.status] ?? 'BAD_REQUEST',
      'Förfrågan kunde inte läsas.',
    );
  }

  // Database constraint violations a client can provoke (e.g. a duplicate code in a race).
  const pg = err as PgError;
  const pgCode = pg?.driverError?.code ?? pg?.code;
  const constraint = pg?.driverError?.constraint ?? pg?.constraint;
  if (pgCode === '23505') return body(409, 'UNIQUE_VIOLATION', 'Värdet finns redan.', { constraint });
  if (pgCode === '23503')
    return body(409, 'REFERENCE_VIOLATION', 'En referens pekar på något som inte finns.', { constraint });
  if (pgCode === '22P02') return body(400, 'INVALID_VALUE', 'Ett värde har fel format.');
  if ((err as Error)?.name === 'OptimisticLockVersionMismatchError') {
    return body(409, 'VERSION_CONFLICT', 'Posten har ändrats av någon annan. Läs om och försök igen.');
  }

  return {
    body: {
      statusCode: 500,
      code: 'INTERNAL_ERROR',
      message: 'Ett oväntat fel inträffade.',
      correlationId,
      details: null,
    },
    internal: true,
  };
}
