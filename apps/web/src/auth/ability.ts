import { unpackRules, type PackRule } from '@casl/ability/extra';
import { abilityFromRules, type AppAbility, type AppRawRule } from '@varna/authz/core';

/** `GET /api/me/permissions` answers `{ rules }` packed with CASL's packRules. */
export interface PackedPermissions {
  rules: PackRule<AppRawRule>[];
}

/** The same CASL rules as the server, rebuilt by the shared core (never re-written here). */
export function abilityFromPacked(permissions: PackedPermissions): AppAbility {
  return abilityFromRules(unpackRules(permissions.rules));
}
