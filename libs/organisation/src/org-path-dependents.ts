import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** A table that denormalises an org unit's path (D-01) next to the unit id. */
export interface OrgPathDependent {
  table: string;
  unitColumn: string;
  pathColumn: string;
}

/**
 * Keeps every denormalised `…_path` column true after a subtree moves. Role assignments (several
 * units, union of paths) are built in; later modules register their single-unit tables.
 */
@Injectable()
export class OrgPathDependents {
  private readonly dependents: OrgPathDependent[] = [];

  register(dependent: OrgPathDependent): void {
    if (!/^[a-z_]+$/.test(dependent.table + dependent.unitColumn + dependent.pathColumn)) {
      throw new Error(`Invalid identifier in ${JSON.stringify(dependent)}`);
    }
    this.dependents.push(dependent);
  }

  /** Recomputes the paths of rows placed in the subtree of `movedUnitId` (after the move). */
  async refresh(m: EntityManager, tenantId: string, movedUnitId: string): Promise<void> {
    await m.query(
      `UPDATE role_assignment ra
          SET org_unit_paths = (SELECT array_agg(DISTINCT a ORDER BY a) FROM org_unit ou, unnest(ou.path) a
                                 WHERE ou.id = ANY(ra.org_unit_ids))
        WHERE ra.tenant_id = $1 AND ra.org_unit_paths @> ARRAY[$2::uuid]`,
      [tenantId, movedUnitId],
    );
    for (const d of this.dependents) {
      await m.query(
        `UPDATE ${d.table} t SET ${d.pathColumn} = ou.path FROM org_unit ou
          WHERE ou.id = t.${d.unitColumn} AND t.tenant_id = $1 AND t.${d.pathColumn} @> ARRAY[$2::uuid]`,
        [tenantId, movedUnitId],
      );
    }
  }
}
