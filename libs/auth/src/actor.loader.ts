import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type Actor, defineAbilityFor, type Grant, type Principal } from '@varna/authz';
import { Clock, stockholmDate } from '@varna/core';
import { DataSource } from 'typeorm';

/**
 * A person's grants valid on a Stockholm date, as one JSON array (`[{ role, orgUnitIds,
 * includeSubtree }]`, ordered by role and start), for a subquery: `person` and `date` are SQL
 * expressions (a column, a parameter). The session look-up reads them in its own statement.
 */
export function grantsJsonSql(person: string, date: string): string {
  return `(SELECT coalesce(json_agg(json_build_object('role', ra.role, 'orgUnitIds', ra.org_unit_ids,
                                                    'includeSubtree', ra.include_subtree)
                                  ORDER BY ra.role, ra.valid_from), '[]'::json)
             FROM role_assignment ra
            WHERE ra.person_id = ${person} AND ra.valid_from <= ${date}::date
              AND (ra.valid_to IS NULL OR ra.valid_to >= ${date}::date))`;
}

/** Builds the Actor (and its CASL ability) of a person from the assignments valid today. */
@Injectable()
export class ActorLoader {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /** Today in Stockholm: the date the grants are valid on. */
  today(): string {
    return stockholmDate(this.clock.now());
  }

  async grantsOf(personId: string): Promise<Grant[]> {
    const [{ grants }] = await this.dataSource.query<{ grants: Grant[] }[]>(
      `SELECT ${grantsJsonSql('$1', '$2')} AS grants`,
      [personId, this.today()],
    );
    return grants;
  }

  /** The principal of a person, with `grants` when the caller has read them (else read here). */
  async principal(
    person: { id: string; tenantId: string; homeOrgUnitId: string; username: string; displayName: string },
    sessionId: string,
    grants?: Grant[],
  ): Promise<Principal> {
    const actor: Actor = {
      personId: person.id,
      tenantId: person.tenantId,
      homeOrgUnitId: person.homeOrgUnitId,
      grants: grants ?? (await this.grantsOf(person.id)),
    };
    return {
      actor,
      ability: defineAbilityFor(actor),
      sessionId,
      username: person.username,
      displayName: person.displayName,
    };
  }
}
