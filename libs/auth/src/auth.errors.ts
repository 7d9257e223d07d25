import { badRequest, DomainError, forbidden, unauthenticated } from '@varna/core';

export const AuthErrors = {
  invalidCredentials: () => unauthenticated('INVALID_CREDENTIALS', 'Fel användarnamn eller lösenord.'),
  notAuthenticated: () => unauthenticated('UNAUTHENTICATED', 'Du behöver logga in.'),
  sessionExpired: () => unauthenticated('SESSION_EXPIRED', 'Din inloggning har gått ut. Logga in igen.'),
  locked: (retryAfterSeconds: number) =>
    new DomainError(
      'TOO_MANY_REQUESTS',
      'LOGIN_LOCKED',
      `För många misslyckade inloggningsförsök. Försök igen om ${Math.ceil(retryAfterSeconds / 60)} minuter.`,
      { retryAfterSeconds },
    ),
  tenantRequired: (tenants: string[]) =>
    badRequest('TENANT_REQUIRED', 'Användarnamnet finns i flera organisationer. Ange organisation.', {
      tenants,
    }),
  csrf: () =>
    forbidden('CSRF_TOKEN_INVALID', 'Förfrågan saknar giltig CSRF-token. Ladda om sidan och försök igen.'),
  wrongCurrentPassword: () =>
    badRequest('CURRENT_PASSWORD_INVALID', 'Nuvarande lösenord stämmer inte.', [
      { field: 'currentPassword', messages: ['stämmer inte'] },
    ]),
  sessionNotFound: () => new DomainError('NOT_FOUND', 'SESSION_NOT_FOUND', 'Sessionen finns inte.'),
};
