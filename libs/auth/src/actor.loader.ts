import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type Actor, defineAbilityFor, type Grant, type Principal, type Role } from '@varna/authz';
import { Clock, stockholmDate } from '@varna/core';
import { DataSource } from 'typeorm';

interface GrantRow {
  role: Role;
  org_unit_ids: string[];
  include_subtree: boolean;
}

/** Builds the Actor (and its CASL ability) of a person from the assignments valid today. */
@Injectable()
export class ActorLoader {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async grantsOf(personId: string): Promise<Grant[]> {
    const today = stockholmDate(this.clock.now());
    const rows = await this.dataSource.query<GrantRow[]>(
      `SELECT role, org_unit_ids, include_subtree FROM role_assignment
        WHERE person_id = $1 AND valid_from <= $2::date AND (valid_to IS NULL OR valid_to >= $2::date)
        ORDER BY role, valid_from`,
      [personId, today],
    );
    return rows.map((r) => ({ role: r.role, orgUnitIds: r.org_unit_ids, includeSubtree: r.include_subtree }));
  }

  async principal(
    person: { id: string; tenantId: string; homeOrgUnitId: string; username: string; displayName: string },
    sessionId: string,
  ): Promise<Principal> {
    const actor: Actor = {
      personId: person.id,
      tenantId: person.tenantId,
      homeOrgUnitId: person.homeOrgUnitId,
      grants: await this.grantsOf(person.id),
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
