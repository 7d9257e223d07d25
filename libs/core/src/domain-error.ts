/**
 * Coded errors thrown by domain code. One global filter maps them to the one error body
 * `{ statusCode, code, message, correlationId, details }`; domain code never throws HttpException.
 */
export type ErrorKind =
  | 'BAD_REQUEST'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'PAYLOAD_TOO_LARGE'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'UNPROCESSABLE'
  | 'TOO_MANY_REQUESTS'
  | 'UNAVAILABLE';

export const STATUS_BY_KIND: Record<ErrorKind, number> = {
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  UNPROCESSABLE: 422,
  TOO_MANY_REQUESTS: 429,
  UNAVAILABLE: 503,
};

export interface FieldErrorDetail {
  field: string;
  messages: string[];
}

export class DomainError extends Error {
  constructor(
    readonly kind: ErrorKind,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'DomainError';
  }

  get statusCode(): number {
    return STATUS_BY_KIND[this.kind];
  }
}

/** Shorthands for the common cases; the code names the precise reason. */
export const notFound = (
  code: string,
  message = 'Resursen finns inte eller ligger utanför din behörighet.',
) => new DomainError('NOT_FOUND', code, message);
export const badRequest = (code: string, message: string, details?: unknown) =>
  new DomainError('BAD_REQUEST', code, message, details);
export const conflict = (code: string, message: string, details?: unknown) =>
  new DomainError('CONFLICT', code, message, details);
export const forbidden = (code: string, message = 'Du saknar behörighet för detta.') =>
  new DomainError('FORBIDDEN', code, message);
export const unauthenticated = (code = 'UNAUTHENTICATED', message = 'Du behöver logga in.') =>
  new DomainError('UNAUTHENTICATED', code, message);
