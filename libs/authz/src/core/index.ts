// Framework-free CASL core, shared by the API and the web app.
export { ACTIONS, type Action } from './actions';
export { ROLES, ROLE_LABELS, type Role } from './roles';
export { SUBJECT_NAMES, type SubjectName, type AppSubject } from './subjects';
export type * from './subjects';
export { type Actor, type Grant, isValidOn, rolesAt, TENANT_WIDE_ROLES } from './actor';
export { defineAbilityFor, abilityFromRules, type AppAbility, type AppRawRule } from './ability';
export { inScope, RuleWriter, type Conditions } from './rule-writer';
export { ROLE_RULES } from './role-rules';
export { renderAuthzMatrix } from './matrix';
