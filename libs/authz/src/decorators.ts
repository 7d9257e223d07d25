import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { Action, SubjectName } from './core';

export const PUBLIC_KEY = 'varna:public';
export const CAN_KEY = 'varna:can';

export interface CanRequirement {
  action: Action;
  subject: SubjectName;
}

/** Opens a route to anonymous callers. Every other route is private. */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

/**
 * Declares what a handler needs: the guard checks that some rule allows (action, subject) at all;
 * the service then narrows to the rows in reach (404 outside it).
 */
export const Can = (action: Action, subject: SubjectName) =>
  applyDecorators(
    SetMetadata(CAN_KEY, { action, subject } satisfies CanRequirement),
    ApiUnauthorizedResponse({ description: 'Inte inloggad' }),
    ApiForbiddenResponse({ description: 'Saknar behörighet' }),
  );
