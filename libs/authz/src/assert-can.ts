import { subject as tag } from '@casl/ability';
import { forbidden } from '@varna/core';
import type { Action, AppAbility, AppSubject, SubjectName } from './core';

/**
 * Record-level check for a write: the candidate row (as it would be) must be allowed, for `field`
 * when given (rules limited to some fields, e.g. the DPO's personal-data fields).
 */
export function assertCan<S extends SubjectName>(
  ability: AppAbility,
  action: Action,
  subject: S,
  row: Omit<Extract<AppSubject, { __caslSubjectType__: S }>, '__caslSubjectType__'>,
  field?: string,
): void {
  if (!ability.can(action, tag(subject, { ...row }) as unknown as AppSubject, field))
    throw forbidden('PERMISSION_DENIED');
}
