import {
  AbilityBuilder,
  buildMongoQueryMatcher,
  createMongoAbility,
  MongoAbility,
  RawRuleOf,
} from '@casl/ability';
import type { Action } from './actions';
import type { Actor } from './actor';
import { RuleWriter } from './rule-writer';
import { ROLE_RULES } from './role-rules';
import type { AppSubject, SubjectName } from './subjects';

export type AppAbility = MongoAbility<[Action, AppSubject | SubjectName]>;
export type AppRawRule = RawRuleOf<AppAbility>;

const toPrimitive = (value: unknown): unknown => {
  if (value instanceof Date) return value.getTime();
  if (
    value !== null &&
    typeof value === 'object' &&
    typeof (value as { toJSON?: unknown }).toJSON === 'function'
  )
    return (value as { toJSON(): unknown }).toJSON();
  return value;
};

/**
 * The comparison behind `$eq $in $lt $lte $gt $gte`. CASL's default coerces like JavaScript, so a
 * missing value is "less" than everything (`null < 5`); PostgreSQL compares NULL with nothing.
 * Rules are enforced twice (here and as SQL by `whereAllowed`), so both must agree: a missing
 * value equals only itself and is neither less nor greater than anything. NaN is the answer that
 * is none of -1, 0 and 1.
 */
function compareLikeSql<T>(a: T, b: T): 0 | 1 | -1 {
  const x = toPrimitive(a);
  const y = toPrimitive(b);
  if (x === y) return 0;
  if (x === null || x === undefined || y === null || y === undefined) return NaN as 0;
  return (x as never) > (y as never) ? 1 : -1;
}

const conditionsMatcher = buildMongoQueryMatcher({}, {}, { compare: compareLikeSql });

export function defineAbilityFor(actor: Actor): AppAbility {
  const builder = new AbilityBuilder<AppAbility>(createMongoAbility);
  const rules = new RuleWriter(builder, actor);
  ROLE_RULES.EMPLOYEE(rules, { role: 'EMPLOYEE', orgUnitIds: [actor.homeOrgUnitId], includeSubtree: false });
  for (const grant of actor.grants) {
    if (grant.role !== 'EMPLOYEE') ROLE_RULES[grant.role](rules, grant);
  }
  // D-50: nobody creates, widens, extends or ends a role assignment on their own account.
  rules.forbid(['create', 'update', 'delete'], 'RoleAssignment', { personId: actor.personId });
  return builder.build({ conditionsMatcher });
}

/** Rebuilds an ability from rules sent to a client (`GET /api/me/permissions`). */
export function abilityFromRules(rules: AppRawRule[]): AppAbility {
  return createMongoAbility<AppAbility>(rules, { conditionsMatcher });
}
