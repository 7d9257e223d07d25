import { ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { PUBLIC_KEY } from '@varna/authz';
import { AuthErrors } from './auth.errors';

/** Global guard, first in line: every route needs a valid session unless it is @Public(). */
@Injectable()
export class AuthenticationGuard extends AuthGuard('varna-session') {
  constructor(private readonly reflector: Reflector) {
    super();
  }

  override canActivate(context: ExecutionContext) {
    const isPublic = this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (isPublic) return true;
    return super.canActivate(context);
  }

  override handleRequest<TUser>(err: unknown, user: TUser): TUser {
    if (err) throw err instanceof Error ? err : AuthErrors.notAuthenticated();
    if (!user) throw AuthErrors.notAuthenticated();
    return user;
  }
}
