import type { ErrorBody } from './types';

/** Every failed API call ends as one of these: the server's error body, or a network failure (status 0). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly correlationId: string | null,
    readonly details: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  get isSessionGone(): boolean {
    return this.status === 401 && (this.code === 'SESSION_EXPIRED' || this.code === 'UNAUTHENTICATED');
  }
}

type SessionGoneListener = (error: ApiError) => void;
let sessionGone: SessionGoneListener | null = null;

/** The session provider listens here: any call answered "session expired" sends the person to sign in. */
export function onSessionGone(listener: SessionGoneListener | null): void {
  sessionGone = listener;
}

export const CSRF_COOKIE = 'varna_csrf';

function readCookie(name: string): string | undefined {
  for (const part of document.cookie.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return undefined;
}

function isErrorBody(value: unknown): value is ErrorBody {
  return typeof value === 'object' && value !== null && 'code' in value && 'message' in value;
}

export interface ApiOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  body?: unknown;
  signal?: AbortSignal;
  /** Extra request headers, e.g. `Idempotency-Key` (the CSRF and JSON headers are set here). */
  headers?: Record<string, string>;
  /** Sign-in answers 401 for a wrong password: that is not an expired session. */
  ignoreSessionGone?: boolean;
}

/**
 * The one fetch helper: same-origin cookie session, the CSRF header on writes (the server wants the
 * readable `varna_csrf` cookie echoed), JSON in and out, errors as ApiError.
 */
export async function api<T>(path: string, options: ApiOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { ...options.headers, accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET') {
    const csrf = readCookie(CSRF_COOKIE);
    if (csrf) headers['x-csrf-token'] = csrf;
  }
  let response: Response;
  try {
    response = await fetch(`/api${path}`, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(
      0,
      'NETWORK_ERROR',
      error instanceof Error ? error.message : String(error),
      null,
      null,
    );
  }
  const text = await response.text();
  let data: unknown = undefined;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = undefined;
    }
  }
  if (!response.ok) {
    const correlation = response.headers.get('x-request-id');
    const error = isErrorBody(data)
      ? new ApiError(
          response.status,
          data.code,
          data.message,
          data.correlationId ?? correlation,
          data.details,
        )
      : new ApiError(response.status, `HTTP_${response.status}`, response.statusText, correlation, null);
    if (error.isSessionGone && !options.ignoreSessionGone) sessionGone?.(error);
    throw error;
  }
  return data as T;
}
