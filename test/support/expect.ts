import { expect } from 'vitest';

/** The keys of the one error body (architecture §5), sorted. */
export const ERROR_KEYS = ['code', 'correlationId', 'details', 'message', 'statusCode'];

/** What `expectErrorBody` reads of a response (a supertest response has all of it). */
export interface ErrorResponse {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

export interface ErrorBodyChecks {
  /** Names the request in the message of a failed status check (the body is always shown). */
  what?: string;
  /** Also: `message` is a string and `correlationId` is the response's `x-request-id`. */
  correlated?: boolean;
}

/**
 * The response has `status` and the one error body `{ statusCode, code, message, correlationId,
 * details }` (exactly those keys) with that statusCode and, when given, that code.
 */
export function expectErrorBody(
  res: ErrorResponse,
  status: number,
  code?: string,
  checks: ErrorBodyChecks = {},
) {
  const shown = JSON.stringify(res.body);
  expect(res.status, checks.what ? `${checks.what} → ${shown}` : shown).toBe(status);
  const body = res.body as Record<string, unknown>;
  expect(Object.keys(body).sort()).toEqual(ERROR_KEYS);
  expect(body.statusCode).toBe(status);
  if (checks.correlated) {
    expect(typeof body.message).toBe('string');
    expect(body.correlationId).toBe(res.headers?.['x-request-id']);
  }
  if (code) expect(body.code).toBe(code);
}
