import pino, { Logger } from 'pino';

/** Structured logs; secrets are redacted wherever they appear in a logged object. */
export function createLogger(level = 'info'): Logger {
  return pino({
    level,
    base: { service: 'varna-api' },
    redact: {
      paths: ['password', '*.password', 'token', '*.token', 'accessToken', '*.authorization', '*.cookie'],
      censor: '[redacted]',
    },
  });
}

export type { Logger };
