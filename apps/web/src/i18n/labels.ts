import type { Role } from '@varna/authz/core';
import { ApiError } from '../api/client';
import type { OrgUnitType } from '../api/types';
import type { Translate } from './i18n';
import type { MessageKey } from './messages';

/** Catalogue keys of every role (the same words as ROLE_LABELS in the core; a test keeps them equal). */
export const ROLE_KEYS: Record<Role, MessageKey> = {
  ADMIN: 'role.ADMIN',
  CISO: 'role.CISO',
  COORDINATOR: 'role.COORDINATOR',
  DPO: 'role.DPO',
  HEAD: 'role.HEAD',
  MANAGER: 'role.MANAGER',
  EMPLOYEE: 'role.EMPLOYEE',
  AUDITOR: 'role.AUDITOR',
  ELECTED: 'role.ELECTED',
  READER: 'role.READER',
  SECURITY_PROTECTION_OFFICER: 'role.SECURITY_PROTECTION_OFFICER',
};

export const ORG_TYPE_KEYS: Record<OrgUnitType, MessageKey> = {
  TENANT_ROOT: 'orgType.TENANT_ROOT',
  COUNCIL: 'orgType.COUNCIL',
  EXECUTIVE_BOARD: 'orgType.EXECUTIVE_BOARD',
  COMMITTEE: 'orgType.COMMITTEE',
  AUDIT_BODY: 'orgType.AUDIT_BODY',
  ADMINISTRATION: 'orgType.ADMINISTRATION',
  DIVISION: 'orgType.DIVISION',
  UNIT: 'orgType.UNIT',
  COMPANY: 'orgType.COMPANY',
  JOINT_BODY: 'orgType.JOINT_BODY',
  PROJECT: 'orgType.PROJECT',
};

/** Error codes the UI words itself (in either language); any other code shows the server's Swedish message. */
const ERROR_KEYS: Partial<Record<string, MessageKey>> = {
  INVALID_CREDENTIALS: 'error.INVALID_CREDENTIALS',
  VALIDATION_FAILED: 'error.VALIDATION_FAILED',
  CSRF_TOKEN_INVALID: 'error.CSRF_TOKEN_INVALID',
  FORBIDDEN: 'error.FORBIDDEN',
  VERSION_CONFLICT: 'error.VERSION_CONFLICT',
  ORG_UNIT_MOVE_CYCLE: 'error.ORG_UNIT_MOVE_CYCLE',
  ORG_UNIT_ROOT_IMMUTABLE: 'error.ORG_UNIT_ROOT_IMMUTABLE',
  ORG_UNIT_PARENT_INACTIVE: 'error.ORG_UNIT_PARENT_INACTIVE',
  ORG_UNIT_INACTIVE: 'error.ORG_UNIT_INACTIVE',
  ORG_UNIT_NOT_FOUND: 'error.ORG_UNIT_NOT_FOUND',
  NETWORK_ERROR: 'error.NETWORK_ERROR',
  SESSION_NOT_KEPT: 'error.SESSION_NOT_KEPT',
};

function detail(error: ApiError, field: string): number | undefined {
  const value = (error.details as Record<string, unknown> | null)?.[field];
  return typeof value === 'number' ? value : undefined;
}

/** A failure in words: the catalogue's wording for known codes, counts from the error's details. */
export function errorMessage(t: Translate, error: unknown): string {
  if (!(error instanceof ApiError)) return t('error.unexpected');
  switch (error.code) {
    case 'LOGIN_LOCKED': {
      const seconds = detail(error, 'retryAfterSeconds') ?? 60;
      return t('error.LOGIN_LOCKED', { minutes: Math.max(1, Math.ceil(seconds / 60)) });
    }
    case 'ORG_UNIT_HAS_ACTIVE_CHILDREN':
      return t('error.ORG_UNIT_HAS_ACTIVE_CHILDREN', { count: detail(error, 'activeChildren') ?? '?' });
    case 'ORG_UNIT_HAS_ACTIVE_ASSIGNMENTS':
      return t('error.ORG_UNIT_HAS_ACTIVE_ASSIGNMENTS', { count: detail(error, 'activeAssignments') ?? '?' });
    case 'ORG_UNIT_CODE_TAKEN':
      return t('error.ORG_UNIT_CODE_TAKEN', {
        code: String((error.details as { code?: string } | null)?.code ?? ''),
      });
    case 'TENANT_REQUIRED':
      return t('error.TENANT_REQUIRED');
  }
  const key = ERROR_KEYS[error.code];
  if (key) return t(key);
  if (error.status >= 500) return t('error.server');
  return error.message || t('error.unexpected');
}
