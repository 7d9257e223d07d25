import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { forbidden } from '@varna/core';
import { CAN_KEY, CanRequirement, PUBLIC_KEY } from './decorators';
import type { Principal } from './principal';

/**
 * Global guard, after authentication: a route without @Public() or @Can() is refused (the route
 * test makes that a build failure too); @Can() requires some rule for (action, subject).
 */
@Injectable()
export class AuthorizationGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const requirement = this.reflector.getAllAndOverride<CanRequirement | undefined>(CAN_KEY, targets);
    if (!requirement) throw forbidden('ROUTE_WITHOUT_PERMISSION', 'Rutten saknar behörighetsdeklaration.');
    const principal = context.switchToHttp().getRequest<{ user?: Principal }>().user;
    if (!principal) throw forbidden('NOT_AUTHENTICATED');
    if (!principal.ability.can(requirement.action, requirement.subject)) {
      throw forbidden('PERMISSION_DENIED');
    }
    return true;
  }
}
