import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import type { Principal } from '@varna/authz';
import type { Request } from 'express';
import { Strategy } from 'passport-custom';
import { AuthErrors } from './auth.errors';
import { SessionService } from './session.service';
import { CSRF_HEADER, SESSION_COOKIE } from './tokens';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * One passport strategy for both ways in: `Authorization: Bearer <token>` (API clients) or the
 * httpOnly session cookie (browser). Cookie-borne writes must also carry the session's CSRF token.
 */
@Injectable()
export class SessionStrategy extends PassportStrategy(Strategy, 'varna-session') {
  constructor(private readonly sessions: SessionService) {
    super();
  }

  async validate(req: Request): Promise<Principal> {
    const bearer = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
    const cookies = req.cookies as Record<string, string | undefined> | undefined;
    const cookie = cookies?.[SESSION_COOKIE];
    const token = bearer ?? cookie;
    if (!token) throw AuthErrors.notAuthenticated();
    const found = await this.sessions.lookup(token);
    if (!found.ok)
      throw found.reason === 'EXPIRED' ? AuthErrors.sessionExpired() : AuthErrors.notAuthenticated();
    if (!bearer && !SAFE_METHODS.has(req.method)) {
      const presented = req.headers[CSRF_HEADER];
      if (
        !this.sessions.csrfMatches(found.csrfTokenHash, Array.isArray(presented) ? presented[0] : presented)
      ) {
        throw AuthErrors.csrf();
      }
    }
    return found.principal;
  }
}
