import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Actor, AppAbility } from './core';

/** The authenticated caller attached to the request by libs/auth. */
export interface Principal {
  actor: Actor;
  ability: AppAbility;
  sessionId: string;
  username: string;
  displayName: string;
}

export const CurrentPrincipal = createParamDecorator((_data: unknown, ctx: ExecutionContext): Principal => {
  const request = ctx.switchToHttp().getRequest<{ user?: Principal }>();
  if (!request.user) throw new Error('CurrentPrincipal used on a route without authentication');
  return request.user;
});
