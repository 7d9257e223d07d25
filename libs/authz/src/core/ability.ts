import { AbilityBuilder, createMongoAbility, MongoAbility, RawRuleOf } from '@casl/ability';
import type { Action } from './actions';
import type { Actor } from './actor';
import { RuleWriter } from './rule-writer';
import { ROLE_RULES } from './role-rules';
import type { AppSubject, SubjectName } from './subjects';

export type AppAbility = MongoAbility<[Action, AppSubject | SubjectName]>;
export type AppRawRule = RawRuleOf<AppAbility>;
export function defineAbilityFor(actor: Actor): AppAbility {
  const builder = new AbilityBuilder<AppAbility>(createMongoAbility);
  const rules = new RuleWriter(builder, actor);
  ROLE_RULES.EMPLOYEE(rules, { role: 'EMPLOYEE', orgUnitIds: [actor.homeOrgUnitId], includeSubtree: false });
  for (const grant of actor.grants) {
    if (grant.role !== 'EMPLOYEE') ROLE_RULES[grant.role](rules, grant);
  }
  // D-50: nobody creates, widens, extends or ends a role assignment on their own account.
  rules.forbid(['create', 'update', 'delete'], 'RoleAssignment', { personId: actor.personId });
  return builder.build();
}

/** Rebuilds an ability from rules sent to a client (`GET /api/me/permissions`). */
export function abilityFromRules(rules: AppRawRule[]): AppAbility {
  return createMongoAbility<AppAbility>(rules);
}
