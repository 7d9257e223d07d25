import type { AbilityBuilder, MongoQuery } from '@casl/ability';
import type { AppAbility } from './ability';
import type { Action } from './actions';
import type { Actor, Grant } from './actor';
import type { SubjectName } from './subjects';

export type Conditions = MongoQuery<Record<string, unknown>>;

/**
 * What role rules write with. Every rule is pinned to the actor's tenant, so no rule can ever
 * reach another tenant's rows, in memory or in SQL.
 */
export class RuleWriter {
  constructor(
    private readonly builder: AbilityBuilder<AppAbility>,
    readonly actor: Actor,
  ) {}

  /** Whole tenant (scope T). */
  allow(actions: Action | Action[], subject: SubjectName, conditions: Conditions = {}): void {
    this.builder.can(actions, subject, this.pin(subject, conditions) as never);
  }

  /**
   * Like `allow`, limited to some fields of the subject (a name view, the personal-data fields a
   * DPO maintains): `can(action, row)` holds, `can(action, row, field)` only for the fields listed.
   */
  allowFields(
    actions: Action | Action[],
    subject: SubjectName,
    fields: readonly string[],
    conditions: Conditions = {},
  ): void {
    this.builder.can(actions, subject, [...fields] as never, this.pin(subject, conditions) as never);
  }

  forbid(actions: Action | Action[], subject: SubjectName, conditions: Conditions = {}): void {
    this.builder.cannot(actions, subject, conditions as never);
  }

  private pin(subject: SubjectName, conditions: Conditions): Conditions {
    return subject === 'Tenant'
      ? { ...conditions, id: this.actor.tenantId }
      : { ...conditions, tenantId: this.actor.tenantId };
  }
}

/**
 * Scope S of one grant, for a subject whose org placement lives in the given fields: the assigned
 * units and (when the grant includes the subtree) everything below them.
 */
export function inScope(grant: Grant, fields: { unit: string; path: string }): Conditions {
  return grant.includeSubtree
    ? { [fields.path]: { $in: grant.orgUnitIds } }
    : { [fields.unit]: { $in: grant.orgUnitIds } };
}
